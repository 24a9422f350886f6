package clockifytest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// javaDuration matches what java.time.Duration.parse accepts: days, hours,
// minutes and seconds, a fraction only on seconds. So "PT7.5H" is refused,
// as the live API (a Java service) presumably refuses it.
var javaDuration = regexp.MustCompile(`(?i)^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$`)

// normalizeDuration parses an ISO-8601 work capacity and returns it the way
// Java's Duration.toString prints it (e.g. "P1DT2H" → "PT26H",
// "PT90M" → "PT1H30M", "PT0H" → "PT0S"), which is how Clockify echoes it.
// Negative durations are refused.
func normalizeDuration(s string) (string, error) {
	m := javaDuration.FindStringSubmatch(s)
	if m == nil || (m[2] == "" && m[3] == "") || strings.EqualFold(m[3], "T") {
		return "", fmt.Errorf("text cannot be parsed to a Duration: %s", s)
	}
	num := func(v string) int64 {
		if v == "" {
			return 0
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		return n
	}
	secs := num(m[2])*86400 + num(m[4])*3600 + num(m[5])*60 + num(m[6])
	var nanos int64
	if m[7] != "" {
		nanos = num((m[7] + "000000000")[:9])
		if strings.HasPrefix(m[6], "-") {
			nanos = -nanos
		}
	}
	if m[1] == "-" {
		secs, nanos = -secs, -nanos
	}
	total := secs*1_000_000_000 + nanos
	if total < 0 {
		return "", fmt.Errorf("duration must not be negative: %s", s)
	}
	return formatDuration(total), nil
}

// formatDuration prints a non-negative number of nanoseconds the way Java's
// Duration.toString does: "PT1H30M", "PT0S", "PT1.5S".
func formatDuration(total int64) string {
	if total == 0 {
		return "PT0S"
	}
	h, rem := total/(3600*1e9), total%(3600*1e9)
	mins, rem := rem/(60*1e9), rem%(60*1e9)
	var b strings.Builder
	b.WriteString("PT")
	if h > 0 {
		fmt.Fprintf(&b, "%dH", h)
	}
	if mins > 0 {
		fmt.Fprintf(&b, "%dM", mins)
	}
	if rem > 0 {
		sec, frac := rem/1e9, rem%1e9
		if frac == 0 {
			fmt.Fprintf(&b, "%dS", sec)
		} else {
			fmt.Fprintf(&b, "%d.%s", sec, strings.TrimRight(fmt.Sprintf("%09d", frac), "0"))
			b.WriteString("S")
		}
	}
	return b.String()
}
