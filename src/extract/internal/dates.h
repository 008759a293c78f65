// dates: reads the dates pages carry, in markup and in running text, as ISO 8601
// calendar dates ("2019-11-19").
//
// Thread-safety: pure functions.
#ifndef CITECHECK_EXTRACT_INTERNAL_DATES_H_
#define CITECHECK_EXTRACT_INTERNAL_DATES_H_

#include <string>
#include <string_view>

namespace citecheck::extract::internal {

// How to read an all-numeric date such as "02/03/2019" when both parts could be the
// day. French and British pages write the day first, American pages the month.
enum class DateOrder { kDayFirst, kMonthFirst };

// The first date written in `text`, as "YYYY-MM-DD", or "" when there is none. Knows:
//   ISO 8601 "2019-11-19", "2019-11-19T10:00:00+01:00", "2019/11/19";
//   RFC 1123 "Tue, 19 Nov 2019 10:00:00 GMT";
//   French "19 novembre 2019", "1er déc. 2019", "mardi 19 Novembre 2019";
//   English "November 19, 2019", "Nov. 19 2019", "19th November 2019";
//   numeric "19/11/2019", "19.11.2019", "11/19/2019" (read with `order` when both
//   numbers are 12 or less).
// Years must have four digits (1800-2199); day and month must make a real date.
std::string FindDate(std::string_view text, DateOrder order = DateOrder::kDayFirst);

// The month (1-12) a French or English month name or abbreviation stands for, in any
// case and with or without accents and a final period ("Déc.", "AOUT", "sept"); 0
// otherwise.
int MonthFromName(std::string_view word);

}  // namespace citecheck::extract::internal

#endif  // CITECHECK_EXTRACT_INTERNAL_DATES_H_
