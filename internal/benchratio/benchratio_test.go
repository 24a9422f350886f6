package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestParseLine(t *testing.T) {
	res, ok := parseLine("BenchmarkOverheadMembersAll/page-size=50/impl=sdk-2   \t 3\t 144117459 ns/op\t 14.03 allocs/member\t 7206 ns/member\t 280646 allocs/op")
	if !ok {
		t.Fatal("not parsed")
	}
	if res.name != "BenchmarkOverheadMembersAll/page-size=50/impl=sdk" {
		t.Errorf("name %q", res.name)
	}
	want := map[string]float64{"ns/op": 144117459, "allocs/member": 14.03, "ns/member": 7206, "allocs/op": 280646}
	for u, v := range want {
		if res.metrics[u] != v {
			t.Errorf("%s = %v, want %v", u, res.metrics[u], v)
		}
	}
	for _, line := range []string{"goos: linux", "PASS", "BenchmarkX-2 \tFAIL", "ok  \tpkg\t1.2s"} {
		if _, ok := parseLine(line); ok {
			t.Errorf("%q parsed as a result", line)
		}
	}
}

func TestSplit(t *testing.T) {
	base, impl := split("BenchmarkX/size=5/impl=raw-typed")
	if base != "BenchmarkX/size=5" || impl != "raw-typed" {
		t.Errorf("split = %q, %q", base, impl)
	}
}

func TestQuartiles(t *testing.T) {
	med, lo, hi := quartiles([]float64{9, 1, 5, 3, 7, 2, 8, 4, 6})
	if med != 5 || lo != 3 || hi != 7 {
		t.Errorf("quartiles = %v, %v, %v; want 5, 3, 7", med, lo, hi)
	}
	if m := median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Errorf("median of 1..4 = %v", m)
	}
}

func TestReportPairsRounds(t *testing.T) {
	r := func(name string, ns float64) result {
		return result{name: name, metrics: map[string]float64{"ns/op": ns, "allocs/op": 10}}
	}
	// The machine doubles its speed between rounds; per-round ratios stay 1.1.
	results := map[string][]result{
		"BenchmarkX/impl=sdk": {r("BenchmarkX/impl=sdk", 110), r("BenchmarkX/impl=sdk", 55), r("BenchmarkX/impl=sdk", 220)},
		"BenchmarkX/impl=raw": {r("BenchmarkX/impl=raw", 100), r("BenchmarkX/impl=raw", 50), r("BenchmarkX/impl=raw", 200)},
	}
	var out bytes.Buffer
	report(&out, []string{"BenchmarkX/impl=sdk", "BenchmarkX/impl=raw"}, results)
	if !strings.Contains(out.String(), "X sdk/raw ns/op: 110 vs 100; ratio 1.100 (IQR 1.100–1.100, 3 rounds)") {
		t.Errorf("report:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "allocs/op: 10 vs 10; ratio 1.000") {
		t.Errorf("report:\n%s", out.String())
	}
}
