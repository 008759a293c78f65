#include "common/config.h"

#include <gtest/gtest.h>

#include "common/file.h"
#include "testutil/testutil.h"

namespace citecheck::common {
namespace {

TEST(Config, CommittedConfigTomlDocumentsEveryDefault) {
  // config.toml at the top of the project is the rendered defaults, so that every
  // setting is documented there with its default value.
  auto committed = ReadFile(testutil::SourceRoot() / "config.toml");
  ASSERT_OK(committed);
  EXPECT_EQ(*committed, RenderDefaultConfigToml());
  auto parsed = ParseConfigToml(*committed, "config.toml");
  ASSERT_OK(parsed);
  EXPECT_EQ(*parsed, Config{});
}

TEST(Config, EverySettingRoundTripsThroughGetAndApply) {
  for (const SettingInfo& s : ListSettings()) {
    Config c;
    auto value = GetSetting(c, s.key);
    ASSERT_OK(value);
    EXPECT_EQ(*value, s.default_value) << s.key;
  }
}

TEST(Config, ApplySettingParsesEachType) {
  Config c;
  ASSERT_OK(ApplySetting(c, "crawler.max_redirects", "3"));
  ASSERT_OK(ApplySetting(c, "crawler.max_body_bytes", "1048576"));
  ASSERT_OK(ApplySetting(c, "check.min_integrity", "0.75"));
  ASSERT_OK(ApplySetting(c, "crawler.allow_private_addresses", "true"));
  ASSERT_OK(ApplySetting(c, "crawler.resolve", "a.example:443:127.0.0.1,b.example:80:127.0.0.1"));
  ASSERT_OK(ApplySetting(c, "store.dir", "/tmp/x"));
  Config want;
  want.crawler.max_redirects = 3;
  want.crawler.max_body_bytes = 1048576;
  want.check.min_integrity = 0.75;
  want.crawler.allow_private_addresses = true;
  want.crawler.resolve = {"a.example:443:127.0.0.1", "b.example:80:127.0.0.1"};
  want.store.dir = "/tmp/x";
  EXPECT_EQ(c, want);
}

struct BadSetting {
  const char* key;
  const char* value;
  const char* message;
};

TEST(Config, ApplySettingRejectsBadValuesWithTheirName) {
  const BadSetting cases[] = {
      {"crawler.nope", "1", "unknown setting crawler.nope"},
      {"crawler.max_redirects", "ten",
       "setting crawler.max_redirects: invalid value \"ten\": expected an integer"},
      {"crawler.max_redirects", "101",
       "setting crawler.max_redirects: invalid value \"101\": expected a value from 0 to 100"},
      {"check.min_integrity", "1.5",
       "setting check.min_integrity: invalid value \"1.5\": expected a value from 0 to 1"},
      {"crawler.archive", "maybe",
       "setting crawler.archive: invalid value \"maybe\": expected true or false"},
      {"report.format", "xml",
       "setting report.format: invalid value \"xml\": expected one of text, json, html, sarif, "
       "markdown, junit, claimreview (several separated by commas, each alone or as NAME=PATH)"},
  };
  for (const BadSetting& b : cases) {
    Config c;
    Status s = ApplySetting(c, b.key, b.value);
    EXPECT_EQ(s, Status::InvalidArgument(b.message)) << b.key;
    EXPECT_EQ(c, Config{}) << "config changed by a rejected value";
  }
}

TEST(Config, TomlErrorsNameFileAndLine) {
  auto unknown = ParseConfigToml("[crawler]\nmax_redirects = 2\nspeed = 3\n", "my.toml");
  EXPECT_EQ(unknown.status(),
            Status::InvalidArgument("my.toml:3: unknown setting crawler.speed"));
  auto wrong_type = ParseConfigToml("[crawler]\n\nmax_redirects = \"2\"\n", "my.toml");
  EXPECT_EQ(wrong_type.status(),
            Status::InvalidArgument("my.toml:3: setting crawler.max_redirects: expected an integer"));
  auto syntax = ParseConfigToml("[crawler\n", "my.toml");
  EXPECT_EQ(syntax.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(syntax.status().message().rfind("my.toml:1: ", 0), 0u) << syntax.status().message();
  auto not_table = ParseConfigToml("crawler = 3\n", "my.toml");
  EXPECT_EQ(not_table.status(),
            Status::InvalidArgument("my.toml:1: \"crawler\" must be a table such as [crawler]"));
}

TEST(Config, TomlValuesOverrideBase) {
  Config base;
  base.store.dir = "/data";
  auto c = ParseConfigToml(
      "[crawler]\nresolve = [\"a.example:443:127.0.0.1\"]\nmax_per_host = 1\n"
      "[check]\nmin_integrity = 0.5\n",
      "x.toml", base);
  ASSERT_OK(c);
  Config want = base;
  want.crawler.resolve = {"a.example:443:127.0.0.1"};
  want.crawler.max_per_host = 1;
  want.check.min_integrity = 0.5;
  EXPECT_EQ(*c, want);
}

TEST(Config, MissingFileIsNotFound) {
  testutil::TempDir dir;
  auto c = LoadConfigFile(dir.path() / "absent.toml");
  EXPECT_EQ(c.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace citecheck::common
