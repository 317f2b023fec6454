// The only C boundary of memcast: OpenBLAS (cblas) and reference LAPACKE,
// from Debian's libopenblas-dev and liblapacke-dev.
#include <cblas.h>
#include <lapacke.h>
