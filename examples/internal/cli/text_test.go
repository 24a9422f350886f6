package cli

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"Tomás Vega":                       "Tomás Vega",
		"\x1b[2J\x1b]0;pwned\x07Eve":       "[2J]0;pwnedEve",
		"a\tb\nc\rd\x00e\x7ff":             "abcdef",
		"C1\u0085\u009b31m":                "C131m",
		"\u202eevil\u202c \u2066x\u2069":   "evil x",
		"bad \xff byte":                    "bad \ufffd byte",
		"\u200dzero-width joiner is shown": "\u200dzero-width joiner is shown",
	} {
		assert.Equal(t, want, Printable(in), "%q", in)
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		`+cmd|' /C calc'!A0`:         `'+cmd|' /C calc'!A0`,
		`-2+3`:                       `'-2+3`,
		`@SUM(1+1)`:                  `'@SUM(1+1)`,
		"\t=1":                       "'\t=1",
		"\r=1":                       "'\r=1",
		"Maya Lindqvist":             "Maya Lindqvist",
		"a=b":                        "a=b",
		"":                           "",
	} {
		assert.Equal(t, want, CSVCell(in), "%q", in)
	}
}
