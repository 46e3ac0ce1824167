// Formats read from a stream, for list files too big to hold in memory
// (OpenSanctions' full FtM export is gigabytes). Private to the lists module.
#ifndef VIGIL_SRC_LISTS_STREAMED_FORMATS_H_
#define VIGIL_SRC_LISTS_STREAMED_FORMATS_H_

#include <istream>
#include <string>

#include "vigil/lists/list_formats.h"

namespace vigil {

// ParseOpenSanctionsFtm over `in`, one line at a time; `file` names it in messages.
Result<ListReport> ParseOpenSanctionsFtmStream(std::istream& in, const std::string& file);

}  // namespace vigil

#endif  // VIGIL_SRC_LISTS_STREAMED_FORMATS_H_
