// Command webhook-onboard finishes onboarding a new member the moment they accept their
// invitation. Clockify refuses to edit a member's profile, roles or groups until they have
// joined (a roster plan shows those actions blocked with ErrInvitationPending). This program
// applies what it can now (inviting the member if needed), makes sure a USER_JOINED_WORKSPACE
// webhook points at itself, listens, and when Clockify reports that the member joined, plans
// the roster again for that member and applies it. A delivery that arrives twice is applied
// once. It exits when the member is onboarded.
//
// Offline (no CLOCKIFY_API_KEY) it runs against the clockifytest demo server, where it plays
// the invitee (leo.dubois@example.com) accepting. Against the real API, Clockify must reach the
// listener from the internet: run a tunnel (for example `cloudflared tunnel --url
// http://localhost:8080` or `ngrok http 8080`) and pass its address as -public-url:
//
//	CLOCKIFY_API_KEY=… CLOCKIFY_WORKSPACE_ID=… go run ./examples/webhook-onboard \
//	    -email nina.park@example.com -capacity PT7H30M -group "Design Team" \
//	    -listen :8080 -public-url https://example.trycloudflare.com/clockify/webhook
//
// Exit status: 0 done, 1 error, 2 bad usage, 3 an action refused by one of Clockify's rules.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

// Exit statuses.
const (
	exitDone    = 0
	exitError   = 1
	exitUsage   = 2
	exitRefused = 3
)

var (
	// errUsage marks bad flags.
	errUsage = errors.New("bad usage")
	// errRefused marks a run where Clockify's rules refused an action.
	errRefused = errors.New("refused by a Clockify rule")
)

// webhookPath is where the listener takes deliveries.
const webhookPath = "/clockify/webhook"

// demoEmail is the demo server's pending invitee, who joins in the offline run.
const demoEmail = "leo.dubois@example.com"

// config is what the flags say.
type config struct {
	email, capacity, days, weekStart, group, manages string
	listen, publicURL                                string
	wait                                             time.Duration
}

func main() {
	cfg, err := parseFlags(os.Args[1:], os.Stderr)
	if err == nil {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		err = run(ctx, os.Stdout, cfg, nil)
		stop()
	}
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "webhook-onboard:", err)
	}
	os.Exit(exitCode(err))
}

// exitCode is the status for run's outcome.
func exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitDone
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errRefused):
		return exitRefused
	}
	return exitError
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("webhook-onboard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.email, "email", "", "the new member's e-mail address (offline: "+demoEmail+")")
	fs.StringVar(&cfg.capacity, "capacity", "PT6H", "daily work capacity, ISO-8601 (PT8H, PT7H30M)")
	fs.StringVar(&cfg.days, "days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY", "working days, comma-separated")
	fs.StringVar(&cfg.weekStart, "week-start", "MONDAY", "first day of the member's week")
	fs.StringVar(&cfg.group, "group", "", `user group to put the member in, by exact name (offline: "Design Team")`)
	fs.StringVar(&cfg.manages, "team-manager-of", "", "user group the member becomes team manager of, by exact name")
	fs.StringVar(&cfg.listen, "listen", "", "address to listen on for deliveries (default :8080; offline 127.0.0.1, any port)")
	fs.StringVar(&cfg.publicURL, "public-url", "", "the URL Clockify delivers to, reaching the listener (e.g. a tunnel's "+
		"https://…/clockify/webhook); required against the real API")
	fs.DurationVar(&cfg.wait, "wait", 0, "give up after waiting this long for the member to join (0: until interrupted)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: webhook-onboard [flags]

Invites a member (if needed), waits for Clockify's USER_JOINED_WORKSPACE webhook, then sets
the member's profile, group and team-manager role that Clockify refuses before they join.

Environment:
  CLOCKIFY_API_KEY       an Admin's or the Owner's API key; unset: the offline demo server
  CLOCKIFY_WORKSPACE_ID  the workspace (required with CLOCKIFY_API_KEY)
  CLOCKIFY_REGION, CLOCKIFY_BASE_URL  optional, see the SDK's NewClientFromEnv

Exit status: 0 done, 1 error, 2 bad usage, 3 refused by a Clockify rule.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	return cfg, nil
}

// spec turns the flags into the member's roster spec (groups and roles by name, resolved later).
func (cfg config) spec() (clockify.MemberSpec, error) {
	usage := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
	}
	if cfg.email == "" {
		return clockify.MemberSpec{}, usage("-email is required")
	}
	capacity, err := clockify.ParseDuration(cfg.capacity)
	if err != nil || capacity.Std() > 24*time.Hour {
		return clockify.MemberSpec{}, usage("-capacity %q: an ISO-8601 duration of at most PT24H", cfg.capacity)
	}
	var days clockify.WeekdaySet
	for _, d := range strings.Split(cfg.days, ",") {
		days = days.With(clockify.Weekday(strings.ToUpper(strings.TrimSpace(d))))
	}
	if !days.Valid() || days.Len() == 0 {
		return clockify.MemberSpec{}, usage("-days %q: use MONDAY..SUNDAY, comma-separated", cfg.days)
	}
	start := clockify.Weekday(strings.ToUpper(cfg.weekStart))
	if !start.Valid() {
		return clockify.MemberSpec{}, usage("-week-start %q: use MONDAY..SUNDAY", cfg.weekStart)
	}
	spec := clockify.MemberSpec{Email: cfg.email, Status: clockify.MembershipActive,
		Profile: &clockify.ProfileUpdate{WorkCapacity: &capacity, WorkingDays: &days, WeekStart: &start}}
	if cfg.group != "" {
		spec.Groups = []string{cfg.group}
	}
	return spec, nil
}

// run onboards the member. newServer makes the offline demo server (nil: the usual one).
func run(ctx context.Context, out io.Writer, cfg config, newServer func() *clockifytest.Server) error {
	env, err := demo.Connect(out, newServer)
	if err != nil {
		return err
	}
	defer env.Close()
	if env.Offline() {
		if cfg.email == "" {
			cfg.email, cfg.group, cfg.manages = demoEmail, "Design Team", "Design Team"
		}
		cfg.listen = "127.0.0.1:0"
	}
	spec, err := cfg.spec()
	if err != nil {
		return err
	}
	if !env.Offline() && cfg.publicURL == "" {
		return fmt.Errorf("%w: -public-url is required against the real API (Clockify must reach the listener)", errUsage)
	}
	if cfg.listen == "" {
		cfg.listen = ":8080"
	}
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		return err
	}
	defer ln.Close()
	if env.Offline() {
		cfg.publicURL = "http://" + ln.Addr().String() + webhookPath
	}
	if u, err := url.Parse(cfg.publicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: -public-url %q is not an absolute http(s) URL", errUsage, cfg.publicURL)
	}
	o := &onboarder{c: env.Client, ws: env.WorkspaceID, spec: spec, out: out, done: make(chan struct{})}
	if err := o.resolveRole(ctx, cfg.manages); err != nil {
		return err
	}
	return o.serve(ctx, ln, cfg, env)
}

// serve does the onboarding around the listener: what can be done now, the webhook, then the
// wait for the member to join.
func (o *onboarder) serve(ctx context.Context, ln net.Listener, cfg config, env *demo.Env) error {
	pending, err := o.applyNow(ctx)
	if err != nil || !pending {
		return err
	}
	hook, err := o.ensureWebhook(ctx, cfg.publicURL)
	if err != nil {
		return err
	}
	handler := clockify.NewWebhookHandler(o.handle, hook.AuthToken)
	mux := http.NewServeMux()
	mux.Handle(webhookPath, handler)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer func() {
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(o.out, "Listening on %s for Clockify's deliveries to %s\n", ln.Addr(), cfg.publicURL)

	if env.Offline() {
		if err := o.playInviteeJoining(ctx, env.Server); err != nil {
			return err
		}
	}
	if cfg.wait > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.wait)
		defer cancel()
	}
	select {
	case <-o.done:
	case <-ctx.Done():
		return fmt.Errorf("stopped before %s joined: %w", o.spec.Email, ctx.Err())
	}
	if err := o.printResult(ctx); err != nil {
		return err
	}
	if o.refused > 0 {
		return fmt.Errorf("%w: %d action(s)", errRefused, o.refused)
	}
	return nil
}

// playInviteeJoining is the offline invitee accepting the invitation on the demo server.
func (o *onboarder) playInviteeJoining(ctx context.Context, srv *clockifytest.Server) error {
	u, _, err := o.c.Members.FindByEmail(ctx, o.ws, o.spec.Email)
	if err != nil {
		return err
	}
	fmt.Fprintf(o.out, "(demo) %s accepts the invitation\n", o.spec.Email)
	srv.AcceptInvitation(o.ws, u.ID)
	return nil
}
