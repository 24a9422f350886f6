package main

import (
	"regexp"
	"strconv"
	"strings"
)

// result is one line of benchmark output: the sub-benchmark's name without the Benchmark
// prefix's GOMAXPROCS suffix, and its metrics by unit (ns/op, allocs/op, cpu-ns/member, …).
type result struct {
	name    string
	metrics map[string]float64
	line    string // as the benchmark printed it
}

var procsSuffix = regexp.MustCompile(`-\d+$`)

// parseLine reads a line such as
//
//	BenchmarkX/impl=sdk-2   100   65000 ns/op   96 allocs/op
func parseLine(line string) (result, bool) {
	f := strings.Fields(line)
	if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
		return result{}, false
	}
	if _, err := strconv.Atoi(f[1]); err != nil {
		return result{}, false
	}
	res := result{name: procsSuffix.ReplaceAllString(f[0], ""), metrics: map[string]float64{}, line: line}
	for i := 2; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return result{}, false
		}
		res.metrics[f[i+1]] = v
	}
	return res, true
}

// split cuts a sub-benchmark's name into what it measures and its impl= level:
// "BenchmarkX/size=5/impl=raw" is ("BenchmarkX/size=5", "raw").
func split(name string) (base, impl string) {
	i := strings.LastIndex(name, "/impl=")
	if i < 0 {
		return name, ""
	}
	return name[:i], name[i+len("/impl="):]
}

// group sorts names by what they measure: the bases in the order first seen, and the names of
// each base in the order given.
func group(names []string) (bases []string, byBase map[string][]string) {
	byBase = map[string][]string{}
	for _, n := range names {
		base, _ := split(n)
		if _, ok := byBase[base]; !ok {
			bases = append(bases, base)
		}
		byBase[base] = append(byBase[base], n)
	}
	return bases, byBase
}
