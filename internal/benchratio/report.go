package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// report prints, for every base with an impl=sdk, the median of each metric per impl and the
// median and interquartile range of the per-round ratio sdk/other.
func report(w io.Writer, names []string, results map[string][]result) {
	bases, groups := group(names)
	for _, base := range bases {
		sdk, ok := results[base+"/impl=sdk"]
		if !ok {
			continue
		}
		for _, name := range groups[base] {
			_, other := split(name)
			if other == "sdk" {
				continue
			}
			for _, line := range compare(sdk, results[name]) {
				fmt.Fprintf(w, "%s sdk/%s %s\n", strings.TrimPrefix(base, "Benchmark"), other, line)
			}
		}
	}
}

// compare words, per unit both sides report, the medians and the per-round ratio a/b.
func compare(a, b []result) []string {
	var units []string
	for u := range a[0].metrics {
		if _, ok := b[0].metrics[u]; ok && u != "B/op" {
			units = append(units, u)
		}
	}
	slices.Sort(units)
	var lines []string
	for _, u := range units {
		var xs, ys, ratios []float64
		for i := range min(len(a), len(b)) {
			x, y := a[i].metrics[u], b[i].metrics[u]
			xs, ys = append(xs, x), append(ys, y)
			if y != 0 {
				ratios = append(ratios, x/y)
			}
		}
		m, lo, hi := quartiles(ratios)
		lines = append(lines, fmt.Sprintf("%s: %.4g vs %.4g; ratio %.3f (IQR %.3f–%.3f, %d rounds)",
			u, median(xs), median(ys), m, lo, hi, len(ratios)))
	}
	return lines
}

// quartiles is the median and the first and third quartiles of xs (nearest rank, taken as
// far from each end).
func quartiles(xs []float64) (med, lo, hi float64) {
	if len(xs) == 0 {
		return 0, 0, 0
	}
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	return median(s), s[(n-1)/4], s[n-1-(n-1)/4]
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
