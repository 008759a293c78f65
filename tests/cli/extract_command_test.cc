#include "cli/extract_command.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::cli {
namespace {

const std::string kPage =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Bike lanes</title>"
    "<meta name=\"author\" content=\"Jane Doe\"></head><body><article>"
    "<h2>The vote</h2>"
    "<p>The city council voted on Tuesday to extend the bicycle network by forty "
    "kilometres, a plan that will cost about twelve million euros.</p>"
    "<figure><img src=a.png><figcaption>The new lanes.</figcaption></figure>"
    "<p>Supporters said the new lanes would make the centre safer, while shop owners "
    "worried that deliveries would become slower and more expensive.</p>"
    "</article></body></html>";

class ExtractCommandTest : public ::testing::Test {
 protected:
  std::filesystem::path Write(const std::string& name, const std::string& content) {
    const std::filesystem::path path = dir_.path() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  int Run(const std::vector<std::string>& args) {
    out_.str("");
    err_.str("");
    return RunExtractCommand(args, out_, err_);
  }

  testutil::TempDir dir_;
  std::ostringstream out_;
  std::ostringstream err_;
};

// Rule: the text format prints the main text, blocks separated by blank lines.
TEST_F(ExtractCommandTest, PrintsText) {
  const std::filesystem::path page = Write("page.html", kPage);
  ASSERT_EQ(Run({page.string()}), 0) << err_.str();
  const common::Result<extract::Document> doc = extract::ExtractHtml(kPage, "u");
  ASSERT_OK(doc);
  EXPECT_EQ(out_.str(), doc->text + "\n");
  EXPECT_EQ(Run({page.string(), "--format", "text"}), 0);
  EXPECT_EQ(out_.str(), doc->text + "\n");
}

// Rule: the JSON format carries the metadata, the text and every block with its kind,
// offsets, level, page and text.
TEST_F(ExtractCommandTest, PrintsJson) {
  const std::filesystem::path page = Write("page.html", kPage);
  ASSERT_EQ(Run({"--format=json", page.string()}), 0) << err_.str();
  boost::json::error_code ec;
  const boost::json::value v = boost::json::parse(out_.str(), ec);
  ASSERT_FALSE(ec) << out_.str();
  const boost::json::object& o = v.as_object();
  for (const char* key : {"url", "media_type", "title", "lang", "published", "modified", "author",
                          "site_name", "canonical_url", "description", "text", "blocks"}) {
    EXPECT_TRUE(o.contains(key)) << key;
  }
  EXPECT_EQ(o.at("media_type").as_string(), "text/html");
  EXPECT_EQ(o.at("title").as_string(), "Bike lanes");
  EXPECT_EQ(o.at("lang").as_string(), "en");
  EXPECT_EQ(o.at("author").as_string(), "Jane Doe");
  EXPECT_EQ(o.at("url").as_string(), "file://" + page.string());
  const std::string text(o.at("text").as_string());
  const boost::json::array& blocks = o.at("blocks").as_array();
  ASSERT_EQ(blocks.size(), 4u);
  const boost::json::object& heading = blocks[0].as_object();
  EXPECT_EQ(heading.at("kind").as_string(), "heading");
  EXPECT_EQ(heading.at("level").as_int64(), 2);
  EXPECT_EQ(heading.at("page").as_int64(), 0);
  EXPECT_EQ(blocks[2].as_object().at("kind").as_string(), "caption");
  for (const boost::json::value& b : blocks) {
    const auto start = b.at("start").to_number<size_t>();
    const auto end = b.at("end").to_number<size_t>();
    EXPECT_EQ(text.substr(start, end - start), b.at("text").as_string());
  }
}

// Rule: input errors exit with 2 and a message naming what failed.
TEST_F(ExtractCommandTest, Errors) {
  const std::string missing = (dir_.path() / "missing.html").string();
  EXPECT_EQ(Run({missing}), 2);
  EXPECT_NE(err_.str().find(missing), std::string::npos);
  EXPECT_EQ(Run({}), 2);
  EXPECT_EQ(Run({Write("p.html", kPage).string(), "--format", "xml"}), 2);
  EXPECT_NE(err_.str().find("xml"), std::string::npos);
  EXPECT_EQ(Run({"a.html", "b.html"}), 2);
  EXPECT_EQ(Run({"--batch", "only-one"}), 2);
  EXPECT_EQ(Run({"a.html", "--speed=3"}), 2);
  EXPECT_NE(err_.str().find("unknown option --speed"), std::string::npos);
  const std::filesystem::path image = Write("a.png", "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(Run({image.string()}), 2);
  EXPECT_NE(err_.str().find(image.string()), std::string::npos);
}

// Rule: batch mode writes OUT_DIR/<id>.txt (the body text) per listed page and
// _timing.json; a page that fails is reported, the others are still written, exit 1.
TEST_F(ExtractCommandTest, Batch) {
  const std::filesystem::path a = Write("a.html", kPage);
  const std::filesystem::path b = Write("b.htm", "<p>Only a short page.</p>");
  const std::filesystem::path list =
      Write("list.txt", a.string() + "\n" + (dir_.path() / "gone.html").string() + "\r\n\n" +
                            b.string() + "\n");
  const std::filesystem::path out = dir_.path() / "out";
  EXPECT_EQ(Run({"--batch", list.string(), out.string()}), 1);
  EXPECT_NE(err_.str().find("gone.html"), std::string::npos);

  const common::Result<extract::Document> doc = extract::ExtractHtml(kPage, "u");
  ASSERT_OK(doc);
  EXPECT_EQ(testutil::ReadTestFile(out / "a.txt"), extract::BodyText(*doc) + "\n");
  EXPECT_EQ(extract::BodyText(*doc).find("The new lanes."), std::string::npos);
  EXPECT_EQ(testutil::ReadTestFile(out / "b.txt"), "Only a short page.\n");
  EXPECT_FALSE(std::filesystem::exists(out / "gone.txt"));

  boost::json::error_code ec;
  const boost::json::value timing =
      boost::json::parse(testutil::ReadTestFile(out / "_timing.json"), ec);
  ASSERT_FALSE(ec);
  EXPECT_GE(timing.at("seconds").to_number<double>(), 0.0);
  EXPECT_EQ(timing.at("pages").to_number<int>(), 3);
  EXPECT_EQ(timing.at("errors").to_number<int>(), 1);

  const std::filesystem::path good = Write("good.txt", a.string() + "\n");
  EXPECT_EQ(Run({"--batch", good.string(), out.string()}), 0) << err_.str();
  EXPECT_EQ(Run({"--batch", list.string()}), 2);
  EXPECT_EQ(Run({"--batch", (dir_.path() / "nolist").string(), out.string()}), 2);
}

// Rule: a URL is fetched with the crawler's settings and guard, then extracted.
TEST_F(ExtractCommandTest, FetchesUrls) {
  testutil::HttpServer server;
  server.Route("/page", testutil::HttpResponse{.status = 200, .headers = {}, .body = kPage});
  server.Route("/gone", testutil::HttpResponse{.status = 404, .headers = {}, .body = "no"});
  // Loopback is refused unless the configuration allows it.
  EXPECT_EQ(Run({server.Url("/page")}), 2);
  EXPECT_NE(err_.str().find("blocked address"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({server.Url("/page"), "--crawler.allow_private_addresses=true"}), 0) << err_.str();
  EXPECT_NE(out_.str().find("The city council voted"), std::string::npos);
  EXPECT_EQ(Run({server.Url("/gone"), "--crawler.allow_private_addresses=true"}), 2);
  EXPECT_EQ(err_.str(), "citecheck extract: " + server.Url("/gone") + ": HTTP 404 Not Found\n");
}

}  // namespace
}  // namespace citecheck::cli
