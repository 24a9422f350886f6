// Package cli is what every example's command line shares: flag parsing that refuses unknown
// flags and extra arguments, a -h text naming the environment variables, and one exit-code
// scheme.
//
// Exit status, the same for every example:
//
//	0  done: everything asked for was done (or, without -apply, planned)
//	1  error: the network, the key, a member not found, a change that failed
//	2  bad usage: an unknown flag, an extra argument, a bad flag value or input file; nothing was sent
//	3  refused (in a plan: blocked) by a Clockify rule, a *clockify.RestrictionError, and by nothing else
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/clockify-go/clockify"
)

// The exit codes of every example.
const (
	ExitOK      = 0 // done
	ExitError   = 1 // an error
	ExitUsage   = 2 // bad usage; nothing was sent
	ExitRefused = 3 // refused by a Clockify rule
)

// ExitCodes is the exit-status table printed by -h.
const ExitCodes = `Exit status:
  0  done: everything asked for was done (or, without -apply, planned)
  1  error: the network, the key, a member not found, a change that failed
  2  bad usage: an unknown flag, an extra argument, a bad value or input file; nothing was sent
  3  refused (in a plan: blocked) by a Clockify rule, a *clockify.RestrictionError, and by nothing else
`

// Var is an environment variable a command reads.
type Var struct{ Name, Meaning string }

// commonEnv are the variables every example reads.
var commonEnv = []Var{
	{Name: "CLOCKIFY_API_KEY", Meaning: "an Admin's or the Owner's API key; without it the example runs offline on the clockifytest demo server"},
	{Name: "CLOCKIFY_WORKSPACE_ID", Meaning: "the workspace to act on; required with CLOCKIFY_API_KEY"},
	{Name: "CLOCKIFY_REGION", Meaning: "optional: the region where the key was made (euc1, use2, euw2, apse2)"},
	{Name: "CLOCKIFY_BASE_URL", Meaning: "optional: the API root, for a subdomain or a test server"},
}

// Command describes an example's command line.
type Command struct {
	Name     string // "audit"
	Synopsis string // what follows the name: "[-csv]"
	About    string // what it does, in a few lines
	Env      []Var  // variables read besides the CLOCKIFY_ ones every example reads
	MaxArgs  int    // positional arguments allowed
}

// FlagSet is an empty flag set for c that reports its errors through Parse, not by printing or
// exiting.
func (c *Command) FlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// Parse parses args into fs and returns the positional arguments. -h or -help writes the help
// to stdout and returns flag.ErrHelp; an unknown flag, a bad flag value or more than MaxArgs
// arguments is a *UsageError.
func (c *Command) Parse(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.Help(stdout, fs)
		return nil, flag.ErrHelp
	case err != nil:
		return nil, &UsageError{Err: err}
	}
	rest := fs.Args()
	if len(rest) > c.MaxArgs {
		extra := rest[c.MaxArgs]
		if strings.HasPrefix(extra, "-") {
			return nil, Usagef("unexpected argument %q (flags go before arguments)", extra)
		}
		return nil, Usagef("unexpected argument %q", extra)
	}
	return rest, nil
}

// Help writes what c does, its flags, the environment variables and the exit codes.
func (c *Command) Help(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: %s %s\n\n%s\n", c.Name, c.Synopsis, strings.TrimSpace(c.About))
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprintln(w, "  -h\tshow this help")
	fmt.Fprintln(w, "\nEnvironment:")
	for _, v := range append(append([]Var{}, commonEnv...), c.Env...) {
		fmt.Fprintf(w, "  %s\n    \t%s\n", v.Name, v.Meaning)
	}
	fmt.Fprintln(w)
	fmt.Fprint(w, ExitCodes)
}

// Exit reports err on stderr (nothing for nil or flag.ErrHelp) and returns the exit code Code
// gives it.
func (c *Command) Exit(err error, stderr io.Writer) int {
	code := Code(err)
	if code == ExitOK {
		return code
	}
	fmt.Fprintf(stderr, "%s: %v\n", c.Name, err)
	if code == ExitUsage {
		fmt.Fprintf(stderr, "Run '%s -h' for help.\n", c.Name)
	}
	return code
}

// Code is err's exit status: 0 for nil or flag.ErrHelp; 2 when err is or wraps a *UsageError;
// 3 when every error err wraps is a refusal by a Clockify rule (a *clockify.RestrictionError);
// 1 otherwise (an error, or a mix of errors and refusals).
func Code(err error) int {
	var uerr *UsageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &uerr):
		return ExitUsage
	case refusal(err):
		return ExitRefused
	}
	return ExitError
}

// refusal reports whether every leaf of err's tree is a refusal by a Clockify rule.
func refusal(err error) bool {
	if _, ok := err.(*clockify.RestrictionError); ok {
		return true
	}
	switch u := err.(type) {
	case interface{ Unwrap() []error }:
		n := 0
		for _, e := range u.Unwrap() {
			if e == nil {
				continue
			}
			if !refusal(e) {
				return false
			}
			n++
		}
		return n > 0
	case interface{ Unwrap() error }:
		if next := u.Unwrap(); next != nil {
			return refusal(next)
		}
	}
	return false
}

// UsageError is a command line or input file the example cannot act on; nothing was sent.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef is a *UsageError with the formatted message (%w wraps as in fmt.Errorf).
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// Reported is an error whose details the example has already printed: a one-line summary
// that wraps the errors it sums up, so that Code classifies them.
func Reported(summary string, errs ...error) error {
	return &reported{summary: summary, errs: errs}
}

type reported struct {
	summary string
	errs    []error
}

func (e *reported) Error() string   { return e.summary }
func (e *reported) Unwrap() []error { return e.errs }
