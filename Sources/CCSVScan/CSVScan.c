// Everything is in the header, inline; a C target needs one source file.
#include "CSVScan.h"
