//go:build !unix

package clockify_test

import "time"

// processCPU cannot be read on this platform; the cpu-ns metrics are left out.
func processCPU() (time.Duration, bool) { return 0, false }
