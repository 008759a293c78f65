#include "crawler/internal/http_head.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>

namespace citecheck::crawler::internal {
namespace {

constexpr std::string_view kOws = " \t";  // optional whitespace (RFC 9110 section 5.6.3)

std::string_view Trim(std::string_view s, std::string_view chars = kOws) {
  const size_t begin = s.find_first_not_of(chars);
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(chars) - begin + 1);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits off the next line (without its CR LF or LF) from `rest`.
std::string_view NextLine(std::string_view& rest) {
  const size_t nl = rest.find('\n');
  std::string_view line = rest.substr(0, nl);
  rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// "HTTP/1.1 200 OK" -> version, status, reason.
bool ParseStatusLine(std::string_view line, HttpHead& head) {
  if (!line.starts_with("HTTP/")) return false;
  const size_t space = line.find(' ');
  if (space == std::string_view::npos || line.size() < space + 4) return false;
  head.version = std::string(line.substr(0, space));
  const std::string_view code = line.substr(space + 1, 3);
  if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  head.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  const std::string_view after = line.substr(space + 4);
  if (!after.empty() && after.front() != ' ') return false;
  head.reason = std::string(Trim(after));
  return head.status >= 100;
}

// Adds one header line (or a folded continuation of the previous one).
void AddHeaderLine(std::string_view line, std::vector<HttpHeader>& headers) {
  if ((line.front() == ' ' || line.front() == '\t') && !headers.empty()) {
    std::string& value = headers.back().value;
    const std::string_view more = Trim(line);
    if (!more.empty()) value += (value.empty() ? "" : " ") + std::string(more);
    return;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return;  // not a field; ignore
  headers.push_back(
      {std::string(line.substr(0, colon)), std::string(Trim(line.substr(colon + 1)))});
}

// A parameter value starting at `pos` (after '='): a token, or a quoted string whose
// quoted-pairs are unescaped (RFC 9110 section 5.6.4). Returns it and where it ends.
std::pair<std::string, size_t> ParameterValue(std::string_view value, size_t pos) {
  while (pos < value.size() && (value[pos] == ' ' || value[pos] == '\t')) ++pos;
  if (pos >= value.size() || value[pos] != '"') {
    const size_t end = std::min(value.find(';', pos), value.size());
    return {std::string(Trim(value.substr(pos, end - pos))), end};
  }
  std::string out;
  for (++pos; pos < value.size() && value[pos] != '"'; ++pos) {
    if (value[pos] == '\\' && pos + 1 < value.size()) ++pos;
    out += value[pos];
  }
  return {out, std::min(pos + 1, value.size())};
}

bool IsHttp1(std::string_view version) { return version == "HTTP/1.1" || version == "HTTP/1.0"; }

// The error text for a final response that is not a success.
std::string StatusError(const HttpHead& head) {
  std::string text = "HTTP " + std::to_string(head.status);
  const std::string_view reason =
      head.reason.empty() ? StandardReason(head.status) : std::string_view(head.reason);
  if (!reason.empty()) text += " " + std::string(reason);
  if (head.status >= 400 && head.status <= 599) return text;
  if (IsRedirectStatus(head.status)) return text + " without a Location header";
  return "unexpected " + text;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

common::Result<HttpHead> ParseHttpHead(std::string_view text) {
  HttpHead head;
  std::string_view rest = text;
  const std::string_view status_line = NextLine(rest);
  if (!ParseStatusLine(status_line, head)) {
    return common::Status::InvalidArgument("bad HTTP status line '" +
                                           std::string(status_line.substr(0, 80)) + "'");
  }
  while (!rest.empty()) {
    const std::string_view line = NextLine(rest);
    if (line.empty()) break;
    AddHeaderLine(line, head.headers);
  }
  return head;
}

std::string_view StandardReason(int status) {
  switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 103: return "Early Hints";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 418: return "I'm a teapot";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 425: return "Too Early";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 451: return "Unavailable For Legal Reasons";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    case 507: return "Insufficient Storage";
    case 508: return "Loop Detected";
    case 511: return "Network Authentication Required";
    default: return "";
  }
}

bool IsRedirectStatus(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

MediaType ParseContentType(std::string_view value) {
  MediaType out;
  size_t pos = value.find(';');
  out.type = Lower(Trim(value.substr(0, pos)));
  while (pos != std::string_view::npos && pos < value.size()) {
    const size_t name_end = value.find_first_of("=;", pos + 1);
    const std::string_view name = Trim(value.substr(pos + 1, name_end - pos - 1));
    if (name_end == std::string_view::npos || value[name_end] == ';') {
      pos = name_end;  // a parameter without a value; skip it
      continue;
    }
    auto [param, end] = ParameterValue(value, name_end + 1);
    if (EqualsIgnoreCase(name, "charset") && out.charset.empty()) out.charset = Lower(param);
    pos = value.find(';', end);
  }
  return out;
}

void ApplyFinalResponse(const HttpHead& head, std::string body, FetchResult& result) {
  result.status = head.status;
  result.headers = head.headers;
  result.body = std::move(body);
  result.content_type.clear();
  result.charset.clear();
  if (const HttpHeader* type = FindHeader(head.headers, "Content-Type")) {
    MediaType media = ParseContentType(type->value);
    result.content_type = std::move(media.type);
    result.charset = std::move(media.charset);
  }
  if (head.status >= 200 && head.status <= 299) {
    result.outcome = FetchOutcome::kOk;
    result.error.clear();
    return;
  }
  result.outcome =
      head.status >= 400 && head.status <= 599 ? FetchOutcome::kHttpError : FetchOutcome::kError;
  result.error = StatusError(head);
}

std::string ArchivedResponseHead(std::string_view received) {
  std::string out;
  out.reserve(received.size() + 32);
  std::string_view rest = received;
  bool first = true;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl == std::string_view::npos ? rest.size() : nl + 1);
    rest.remove_prefix(line.size());
    HttpHead status;
    std::string_view status_line = line;
    if (first && ParseStatusLine(NextLine(status_line), status) && !IsHttp1(status.version)) {
      out += "HTTP/1.1 " + std::to_string(status.status) + " " +
             std::string(StandardReason(status.status)) + "\r\n";
    } else if (line.size() > 18 && EqualsIgnoreCase(line.substr(0, 18), "transfer-encoding:")) {
      out += std::string(kArchivedTransferEncoding) + std::string(line.substr(17));
    } else {
      out += line;
    }
    first = false;
  }
  return out;
}

std::string ArchivedRequestHead(std::string_view sent) {
  const size_t eol = sent.find("\r\n");
  const std::string_view line = sent.substr(0, eol);
  const size_t space = line.rfind(' ');
  if (space == std::string_view::npos) return std::string(sent);
  const std::string_view version = line.substr(space + 1);
  if (version != "HTTP/2" && version != "HTTP/3") return std::string(sent);
  return std::string(line.substr(0, space)) + " HTTP/1.1" + std::string(sent.substr(line.size()));
}

void RestoreArchivedHeaders(std::vector<HttpHeader>& headers) {
  for (HttpHeader& header : headers) {
    if (EqualsIgnoreCase(header.name, kArchivedTransferEncoding)) {
      header.name = "Transfer-Encoding";
    }
  }
}

}  // namespace citecheck::crawler::internal
