#include "vigil/alert/signer.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace vigil {
namespace {

// The test vector published with the Standard Webhooks specification.
constexpr char kSecret[] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr char kMsgId[] = "msg_p5jXN8AQM9LWM0D4loKWxJek";
constexpr int64_t kTimestamp = 1614265330;
constexpr char kBody[] = R"({"test": 2432232314})";
constexpr char kExpected[] = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

TEST(SignWebhookTest, MatchesSpecTestVector) {
  Result<std::string> signature = SignWebhook(kSecret, kMsgId, kTimestamp, kBody);
  ASSERT_TRUE(signature.ok()) << signature.status().message();
  EXPECT_EQ(*signature, kExpected);
}

TEST(SignWebhookWithEachTest, OneSignaturePerSecretInOrder) {
  constexpr char kOther[] = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  Result<std::string> header = SignWebhookWithEach({kOther, kSecret}, kMsgId, kTimestamp, kBody);
  ASSERT_TRUE(header.ok()) << header.status().message();
  Result<std::string> other = SignWebhook(kOther, kMsgId, kTimestamp, kBody);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(*header, *other + " " + kExpected);
  // A receiver holding either key accepts it.
  EXPECT_TRUE(VerifyWebhook(kSecret, kMsgId, kTimestamp, kBody, *header));
  EXPECT_TRUE(VerifyWebhook(kOther, kMsgId, kTimestamp, kBody, *header));
  EXPECT_FALSE(VerifyWebhook("whsec_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", kMsgId, kTimestamp, kBody,
                             *header));
}

TEST(SignWebhookWithEachTest, FailsWithoutSecretsOrWithAMalformedOne) {
  EXPECT_FALSE(SignWebhookWithEach({}, kMsgId, kTimestamp, kBody).ok());
  EXPECT_FALSE(SignWebhookWithEach({kSecret, "whsec_!!"}, kMsgId, kTimestamp, kBody).ok());
}

TEST(VerifyWebhookTest, AcceptsSpecTestVector) {
  EXPECT_TRUE(VerifyWebhook(kSecret, kMsgId, kTimestamp, kBody, kExpected));
}

TEST(VerifyWebhookTest, RejectsWrongSecret) {
  EXPECT_FALSE(VerifyWebhook("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", kMsgId, kTimestamp,
                             kBody, kExpected));
}

TEST(VerifyWebhookTest, RejectsWrongTimestamp) {
  EXPECT_FALSE(VerifyWebhook(kSecret, kMsgId, kTimestamp + 1, kBody, kExpected));
}

TEST(VerifyWebhookTest, RejectsWrongBody) {
  EXPECT_FALSE(VerifyWebhook(kSecret, kMsgId, kTimestamp, R"({"test": 2432232315})",
                             kExpected));
}

TEST(VerifyWebhookTest, RejectsWrongMessageId) {
  EXPECT_FALSE(VerifyWebhook(kSecret, "msg_p5jXN8AQM9LWM0D4loKWxJeK", kTimestamp, kBody,
                             kExpected));
}

TEST(VerifyWebhookTest, AcceptsWhenOneOfSeveralSignaturesIsValid) {
  std::string header = std::string("v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ") +
                       kExpected + " v2,somethingelse";
  EXPECT_TRUE(VerifyWebhook(kSecret, kMsgId, kTimestamp, kBody, header));
}

TEST(VerifyWebhookTest, RejectsWhenNoSignatureIsValid) {
  EXPECT_FALSE(VerifyWebhook(kSecret, kMsgId, kTimestamp, kBody,
                             "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1,abc"));
}

TEST(VerifyWebhookTest, IgnoresOtherVersionsCarryingTheRightBytes) {
  // Only "v1," entries count: the same signature under another scheme
  // label is not accepted.
  std::string header = std::string("v1a,") + (kExpected + 3);
  EXPECT_FALSE(VerifyWebhook(kSecret, kMsgId, kTimestamp, kBody, header));
  EXPECT_FALSE(VerifyWebhook(kSecret, kMsgId, kTimestamp, kBody, kExpected + 3));
}

TEST(VerifyWebhookTest, RejectsEmptyHeaderAndTruncatedSignature) {
  EXPECT_FALSE(VerifyWebhook(kSecret, kMsgId, kTimestamp, kBody, ""));
  std::string truncated(kExpected);
  truncated.pop_back();
  EXPECT_FALSE(VerifyWebhook(kSecret, kMsgId, kTimestamp, kBody, truncated));
}

TEST(VerifyWebhookTest, RejectsWithMalformedSecret) {
  EXPECT_FALSE(VerifyWebhook("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", kMsgId, kTimestamp, kBody,
                             kExpected));
}

TEST(DecodeWebhookSecretTest, DecodesKeyBytes) {
  Result<std::string> key = DecodeWebhookSecret("whsec_AAECA/8=");
  ASSERT_TRUE(key.ok()) << key.status().message();
  EXPECT_EQ(*key, std::string("\x00\x01\x02\x03\xff", 5));
  Result<std::string> spec_key = DecodeWebhookSecret(kSecret);
  ASSERT_TRUE(spec_key.ok());
  EXPECT_EQ(spec_key->size(), 24u);  // 32 base64 chars, no padding
}

TEST(DecodeWebhookSecretTest, HandlesOneAndTwoPaddingCharacters) {
  Result<std::string> one = DecodeWebhookSecret("whsec_YWI=");  // "ab"
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, "ab");
  Result<std::string> two = DecodeWebhookSecret("whsec_YQ==");  // "a"
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(*two, "a");
}

TEST(DecodeWebhookSecretTest, AcceptsMissingPadding) {
  Result<std::string> one = DecodeWebhookSecret("whsec_YWI");  // "ab"
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, "ab");
  Result<std::string> two = DecodeWebhookSecret("whsec_YQ");  // "a"
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(*two, "a");
  EXPECT_FALSE(DecodeWebhookSecret("whsec_YQ=").ok());  // padding, but incomplete
}

TEST(DecodeWebhookSecretTest, MalformedSecretsFailWithoutEchoingThem) {
  const std::string cases[] = {
      "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",          // no prefix
      "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",    // wrong-case prefix
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwX",   // 4n+1 characters: impossible
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw=",   // padding where none belongs
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw===", // too much padding
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa!w",    // not a base64 character
      "whsec_MfKQ9r8G KYqrTwjUPD8ILPZIo2LaLaS",    // embedded space
      "whsec_MfKQ=r8GKYqrTwjUPD8ILPZIo2LaLaSw",    // padding in the middle
  };
  for (const std::string& secret : cases) {
    Result<std::string> key = DecodeWebhookSecret(secret);
    ASSERT_FALSE(key.ok()) << secret;
    EXPECT_FALSE(key.status().message().empty());
    EXPECT_EQ(key.status().message().find(secret), std::string::npos) << secret;
    // Not even the key part alone.
    EXPECT_EQ(key.status().message().find(secret.substr(6)), std::string::npos);
    Result<std::string> signature = SignWebhook(secret, kMsgId, kTimestamp, kBody);
    ASSERT_FALSE(signature.ok()) << secret;
    EXPECT_EQ(signature.status().message().find(secret), std::string::npos);
  }
}

TEST(DecodeWebhookSecretTest, RejectsEmptyKey) {
  EXPECT_FALSE(DecodeWebhookSecret("whsec_").ok());
  EXPECT_FALSE(DecodeWebhookSecret("").ok());
}

TEST(WebhookSecretKeyTest, DecodesBase64Key) {
  EXPECT_EQ(WebhookSecretKey("whsec_aGVsbG8="), std::optional<std::string>("hello"));
  EXPECT_EQ(WebhookSecretKey("whsec_aGVsbG8"), std::optional<std::string>("hello"));
  EXPECT_EQ(WebhookSecretKey("whsec_YWI="), std::optional<std::string>("ab"));
  EXPECT_EQ(WebhookSecretKey("whsec_+/+/"), std::optional<std::string>("\xfb\xff\xbf"));
}

TEST(WebhookSecretKeyTest, RejectsMalformed) {
  for (const char* bad : {"aGVsbG8=", "whsec_", "whsec_a", "whsec_aGVs bG8=", "whsec_aGVsbG8=x",
                          "whsec_aGVsbG8===", "whsec_a-b_", "WHSEC_aGVsbG8=", "whsec_aG=Vs"}) {
    EXPECT_EQ(WebhookSecretKey(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace vigil
