// Command benchratio compares the SDK's benchmarks with their hand-written counterparts on a
// machine whose speed drifts. go test -count N runs every repetition of one sub-benchmark
// before the next, so drift shows up as a difference between them; benchratio runs each
// sub-benchmark in a process of its own, next to the others of the same comparison and in an
// order that rotates every round, and reports the median and interquartile range of the
// per-round ratio impl=sdk / impl=other.
//
// Usage, from the repository root:
//
//	go run ./internal/benchratio [-rounds 12] [-benchtime 1s] [-pkg .] BENCH...
//
// Each BENCH names a benchmark, or a benchmark and sub-benchmark levels above impl=…, such as
// OverheadProfilesGet or OverheadMembersAll/page-size=5000 (the Benchmark prefix is optional).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	rounds := flag.Int("rounds", 12, "rounds; each runs every sub-benchmark once")
	benchtime := flag.String("benchtime", "1s", "-test.benchtime of each run")
	pkg := flag.String("pkg", ".", "package holding the benchmarks")
	flag.Parse()
	if flag.NArg() == 0 || *rounds < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, *pkg, *benchtime, *rounds, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "benchratio:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, pkg, benchtime string, rounds int, benches []string) error {
	dir, err := os.MkdirTemp("", "benchratio")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "bench.test")
	build := exec.Command("go", "test", "-c", "-o", bin, pkg)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building the test binary: %w", err)
	}
	var names []string
	for _, b := range benches {
		found, err := discover(bin, b)
		if err != nil {
			return err
		}
		names = append(names, found...)
	}
	// Each round runs the impls of one base next to each other, so a round's ratio compares
	// runs made seconds apart; the order within a base rotates from round to round.
	bases, groups := group(names)
	results := map[string][]result{}
	for r := range rounds {
		for _, base := range bases {
			g := groups[base]
			for i := range g {
				name := g[(i+r)%len(g)]
				res, err := runOne(bin, name, benchtime)
				if err != nil {
					return err
				}
				results[name] = append(results[name], res)
				fmt.Fprintln(os.Stderr, res.line)
			}
		}
		fmt.Fprintf(os.Stderr, "round %d of %d done\n", r+1, rounds)
	}
	report(w, names, results)
	return nil
}

// discover lists the sub-benchmarks with an impl=… level under bench, by running each once.
func discover(bin, bench string) ([]string, error) {
	bench = "Benchmark" + strings.TrimPrefix(bench, "Benchmark")
	out, err := exec.Command(bin, "-test.run", "^$", "-test.bench", pattern(bench), "-test.benchtime", "1x").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w\n%s", bench, err, out)
	}
	var names []string
	for _, line := range strings.Split(string(out), "\n") {
		if res, ok := parseLine(line); ok && strings.Contains(res.name, "/impl=") {
			names = append(names, res.name)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no sub-benchmark with an impl= level matches %s", bench)
	}
	return names, nil
}

// runOne runs the sub-benchmark name alone, once.
func runOne(bin, name, benchtime string) (result, error) {
	out, err := exec.Command(bin, "-test.run", "^$", "-test.bench", pattern(name),
		"-test.benchtime", benchtime, "-test.benchmem", "-test.count", "1").CombinedOutput()
	if err != nil {
		return result{}, fmt.Errorf("running %s: %w\n%s", name, err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if res, ok := parseLine(line); ok && res.name == name {
			return res, nil
		}
	}
	return result{}, fmt.Errorf("running %s: no result in\n%s", name, out)
}

// pattern is a -test.bench pattern matching each level of name exactly (and any levels below).
func pattern(name string) string {
	levels := strings.Split(name, "/")
	for i, l := range levels {
		levels[i] = "^" + regexp.QuoteMeta(l) + "$"
	}
	return strings.Join(levels, "/")
}
