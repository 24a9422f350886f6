package main

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/clockify-go/clockify/examples/internal/cli"
)

// The checks below are those the SDK makes of each spec before planning, made here on every
// line at once, so that a file's invalid e-mails and names are reported together with its other
// errors instead of one at a time by the planner.

// maxEmail is the longest address RFC 5321 allows; maxName the longest name Clockify stores.
const (
	maxEmail = 254
	maxName  = 100
)

// checkEmail is why email is not a bare e-mail address Clockify would accept, or "".
func checkEmail(email string) string {
	if len(email) > maxEmail {
		return fmt.Sprintf("has %d characters; an e-mail address has at most %d", len(email), maxEmail)
	}
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email || a.Name != "" {
		return fmt.Sprintf("%q is not a bare e-mail address", email)
	}
	return ""
}

// checkName is why a limited member's name would be refused, or "": control characters, more
// than maxName characters. (Spaces around it are trimmed when the file is read.)
func checkName(name string) string {
	if cli.Printable(name) != name {
		return fmt.Sprintf("%q has control characters", name)
	}
	if n := utf8.RuneCountInString(name); n > maxName {
		return fmt.Sprintf("has %d characters; at most %d are allowed", n, maxName)
	}
	return ""
}

// duplicates reports each member given on more than one line: full members by e-mail (as
// Clockify compares them, ignoring case), limited members by name.
func duplicates(rows []row) []error {
	var errs []error
	first := map[string]int{}
	for _, r := range rows {
		if r.spec.Email == "" && r.spec.Name == "" {
			continue // reported already
		}
		key, col := "email:"+strings.ToLower(r.spec.Email), "email"
		if r.spec.Limited {
			key, col = "name:"+r.spec.Name, "name"
		}
		if line, ok := first[key]; ok {
			errs = append(errs, lineError{line: r.line, column: col, reason: fmt.Sprintf("the member of line %d again", line)})
			continue
		}
		first[key] = r.line
	}
	return errs
}

// twice is the first item of list listed twice, by key, or "".
func twice[T any](list []T, key func(T) string) string {
	seen := map[string]bool{}
	for _, x := range list {
		k := key(x)
		if seen[k] {
			return k
		}
		seen[k] = true
	}
	return ""
}
