package cli

import "strings"

// Printable is s without the characters that would act on a terminal rather than show: C0
// controls (tab and newline included), DEL, C1 controls and the bidirectional overrides and
// isolates U+202A–U+202E and U+2066–U+2069. Invalid UTF-8 becomes U+FFFD. Use it on every
// value from Clockify that an example prints as text (names, e-mails, descriptions).
func Printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
}

// CSVCell is s made safe to open in a spreadsheet (OWASP's rule against CSV injection): a
// cell beginning with =, +, -, @, a tab or a carriage return gets a leading single quote, so
// that it is read as text, never as a formula. Other cells are unchanged.
func CSVCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
