// Tests for reading fetched sources (sources.cc): what a fetch result gives the
// pipeline, in particular that a soft 404, a robots.txt refusal and a media type that
// is not a document are not read, each with a clear reason.
#include <gtest/gtest.h>

#include "crawler/crawler.h"
#include "service/service.h"
#include "testutil/testutil.h"

namespace citecheck::service {
namespace {

crawler::FetchResult Page(std::string body, std::string type = "text/html") {
  crawler::FetchResult f;
  f.url = f.final_url = "https://s.test/a";
  f.outcome = crawler::FetchOutcome::kOk;
  f.status = 200;
  f.content_type = std::move(type);
  f.body = std::move(body);
  return f;
}

class ReadFetchedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = index::Index::InMemory();
    ASSERT_OK(index);
    index_ = std::move(*index);
  }

  SourceRead Read(crawler::FetchResult f) {
    auto read = ReadFetched(std::move(f), *index_);
    EXPECT_OK(read);
    return read.ok() ? std::move(*read) : SourceRead{};
  }

  std::unique_ptr<index::Index> index_;
};

// A readable page is extracted and indexed.
TEST_F(ReadFetchedTest, ReadsAnHtmlPage) {
  const SourceRead read =
      Read(Page("<html lang=\"fr\"><body><p>En 2024, 17 % des salari\xC3\xA9s.</p></body></html>"));
  ASSERT_TRUE(read.doc.has_value()) << read.failure;
  EXPECT_EQ(read.failure, "");
}

// A soft 404 answered 200, but it is not the cited page: not read, and the reason
// says why.
TEST_F(ReadFetchedTest, SoftNotFoundIsNotRead) {
  crawler::FetchResult f = Page("<html><head><title>Page introuvable</title></head></html>");
  f.soft_404 = true;
  f.soft_404_reason = "the title says \"page introuvable\"";
  const SourceRead read = Read(f);
  EXPECT_FALSE(read.doc.has_value());
  EXPECT_EQ(read.failure, "the page is gone (soft 404: the title says \"page introuvable\")");
}

// Images, archives and the like are recorded with their type, not read.
TEST_F(ReadFetchedTest, OtherMediaTypesAreNotRead) {
  const SourceRead read = Read(Page("\x89PNG\r\n\x1a\n...", "image/png"));
  EXPECT_FALSE(read.doc.has_value());
  EXPECT_EQ(read.failure, "not a readable document: image/png");
}

struct ReasonCase {
  crawler::FetchOutcome outcome;
  int status;
  std::string error;
  std::string reason;
};

// Each failure has a reason for people; a robots.txt refusal is named as such.
TEST_F(ReadFetchedTest, FailuresGiveReasons) {
  const ReasonCase cases[] = {
      {crawler::FetchOutcome::kRobotsDisallowed, 0,
       "disallowed by https://s.test/robots.txt: Disallow: /a (line 2)",
       "disallowed by https://s.test/robots.txt: Disallow: /a (line 2)"},
      {crawler::FetchOutcome::kHostUnavailable, 0, "not requested: s.test failed 5 times in a row",
       "host unavailable: not requested: s.test failed 5 times in a row"},
      {crawler::FetchOutcome::kHttpError, 404, "HTTP 404 Not Found", "HTTP 404 Not Found"},
      {crawler::FetchOutcome::kTooLarge, 0, "decoded body larger than 1048576 bytes (gzip)",
       "too large: decoded body larger than 1048576 bytes (gzip)"},
  };
  for (const ReasonCase& c : cases) {
    crawler::FetchResult f = Page("");
    f.outcome = c.outcome;
    f.status = c.status;
    f.error = c.error;
    const SourceRead read = Read(f);
    EXPECT_FALSE(read.doc.has_value());
    EXPECT_EQ(read.failure, c.reason);
    EXPECT_EQ(FailureReason(f), c.reason);
  }
}

}  // namespace
}  // namespace citecheck::service
