// Conversions from the pipeline's values to the store's records.
#ifndef CITECHECK_SERVICE_INTERNAL_RECORDS_H_
#define CITECHECK_SERVICE_INTERNAL_RECORDS_H_

#include <cstdint>

#include "crawler/crawler.h"
#include "draft/draft.h"
#include "extract/extract.h"
#include "report/report.h"
#include "store/store.h"

namespace citecheck::service::internal {

store::FetchRecord FetchRecordOf(const crawler::FetchResult& f);
store::DocumentRecord DocumentRecordOf(const extract::Document& d, int64_t fetch_id);
// The check with its verdicts and its full JSON report.
store::CheckRecord CheckRecordOf(const draft::Draft& d, const report::CheckReport& r,
                                 int64_t started, int64_t finished);

}  // namespace citecheck::service::internal

#endif  // CITECHECK_SERVICE_INTERNAL_RECORDS_H_
