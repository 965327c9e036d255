// The only C in docgen: the CommonMark reference parser (Debian libcmark-dev, Homebrew cmark).
#include <cmark.h>
