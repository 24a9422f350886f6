package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

// onboarder finishes one member's roster when they join.
type onboarder struct {
	c    *clockify.Client
	ws   string
	spec clockify.MemberSpec
	out  io.Writer

	mu       sync.Mutex
	finished bool          // the member's roster was applied after they joined
	refused  int           // actions a Clockify rule refused
	done     chan struct{} // closed once finished
}

// resolveRole makes the member team manager of the group named name ("" manages no roles).
func (o *onboarder) resolveRole(ctx context.Context, name string) error {
	if name == "" {
		return nil
	}
	g, _, err := o.c.Groups.FindByName(ctx, o.ws, name)
	if err != nil {
		return fmt.Errorf("-team-manager-of %q: %w", name, err)
	}
	o.spec.Roles = []clockify.RoleAssignment{clockify.TeamManagerOfGroup(g.ID)}
	return nil
}

// applyNow plans the member's roster and applies what Clockify allows before they join
// (inviting them if needed). pending says whether actions wait for them to join.
func (o *onboarder) applyNow(ctx context.Context) (pending bool, err error) {
	fmt.Fprintf(o.out, "Onboarding %s\n", o.spec.Email)
	waiting, err := o.apply(ctx)
	if err != nil {
		return false, err
	}
	if waiting == 0 {
		fmt.Fprintln(o.out, "Nothing waits for them to join.")
		if o.refused > 0 {
			return false, fmt.Errorf("%w: %d action(s)", errRefused, o.refused)
		}
		return false, nil
	}
	fmt.Fprintf(o.out, "%d action(s) wait for them to accept the invitation\n", waiting)
	return true, nil
}

// apply plans the roster for the member, applies the actions no rule blocks, and reports the
// blocked ones. It returns how many wait for the invitation to be accepted; other blocked
// actions count as refused. A failed action is an error.
func (o *onboarder) apply(ctx context.Context) (waiting int, err error) {
	plan, err := o.c.Members.PlanRoster(ctx, o.ws, []clockify.MemberSpec{o.spec}, nil)
	if err != nil {
		return 0, err
	}
	for _, a := range plan.Blocked() {
		if errors.Is(a.Blocked, clockify.ErrInvitationPending) {
			waiting++
			fmt.Fprintf(o.out, "  waits: %s %s\n", a.Kind, a.Change)
			continue
		}
		o.refused++
		fmt.Fprintf(o.out, "  refused: %s %s: %s\n", a.Kind, a.Change, demo.Explain(a.Blocked))
	}
	var failed []string
	for _, r := range o.c.Members.ApplyRoster(ctx, plan, nil) {
		if r.Action.Blocked != nil {
			continue
		}
		if r.Err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", r.Action.Kind, r.Err))
			continue
		}
		fmt.Fprintf(o.out, "  done: %s %s\n", r.Action.Kind, r.Action.Change)
	}
	if len(failed) > 0 {
		return waiting, errors.New(strings.Join(failed, "; "))
	}
	return waiting, nil
}

// handle is the webhook handler's function: when the member joins, their roster is planned
// again and applied. Other members' events are ignored. A delivery that comes again after the
// roster was applied changes nothing; an error makes Clockify deliver again.
func (o *onboarder) handle(ctx context.Context, e *clockify.WebhookEvent) error {
	if e.Type != clockify.WebhookUserJoinedWorkspace {
		return nil
	}
	u, err := e.User()
	if err != nil {
		return err
	}
	if !strings.EqualFold(u.Email, o.spec.Email) {
		fmt.Fprintf(o.out, "%s joined; not the member being onboarded\n", u.Email)
		return nil
	}
	o.mu.Lock() // one delivery at a time: a repeat waits, then finds the work done
	defer o.mu.Unlock()
	if o.finished {
		fmt.Fprintf(o.out, "%s joined (delivered again): already onboarded\n", u.Email)
		return nil
	}
	fmt.Fprintf(o.out, "%s joined: applying the rest of their roster\n", u.Email)
	waiting, err := o.apply(ctx)
	if err != nil {
		return err
	}
	if waiting > 0 {
		// Clockify does not show them as joined yet: failing makes it deliver again.
		return fmt.Errorf("%d action(s) still wait for %s's invitation", waiting, u.Email)
	}
	o.finished = true
	close(o.done)
	return nil
}

// printResult shows the member as Clockify now has them.
func (o *onboarder) printResult(ctx context.Context) error {
	found, _, err := o.c.Members.FindByEmail(ctx, o.ws, o.spec.Email)
	if err != nil {
		return err
	}
	u, _, err := o.c.Members.Get(ctx, o.ws, found.ID)
	if err != nil {
		return err
	}
	p, _, err := o.c.Profiles.Get(ctx, o.ws, u.ID)
	if err != nil {
		return err
	}
	var groups []string
	for g, err := range o.c.Groups.All(ctx, o.ws, nil) {
		if err != nil {
			return err
		}
		if g.HasMember(u.ID) {
			groups = append(groups, g.Name)
		}
	}
	m, _ := u.Membership(o.ws)
	fmt.Fprintf(o.out, "Result: %s <%s>, %s; capacity %s, working days %s, week start %s; groups: %s\n",
		u.Name, u.Email, m.MembershipStatus, p.WorkCapacity, p.WorkingDays, p.WeekStart, strings.Join(groups, ", "))
	return nil
}

// ensureWebhook finds this workspace's USER_JOINED_WORKSPACE webhook delivering to url, turning
// its delivery back on if Clockify turned it off, or creates one.
func (o *onboarder) ensureWebhook(ctx context.Context, url string) (*clockify.Webhook, error) {
	want := clockify.WorkspaceWebhook(o.ws, "webhook-onboard", url, clockify.WebhookUserJoinedWorkspace)
	hooks, _, err := o.c.Webhooks.List(ctx, o.ws, &clockify.ListWebhooksOptions{Type: clockify.WebhooksUserCreated})
	if err != nil {
		return nil, err
	}
	for _, h := range hooks {
		if h.Event != want.Event || h.URL != url {
			continue
		}
		if !h.DeliveryEnabled {
			fmt.Fprintf(o.out, "Webhook %s had its delivery turned off; updating it turns it back on\n", h.ID)
			return o.check(o.c.Webhooks.Update(ctx, o.ws, h.ID, want))
		}
		fmt.Fprintf(o.out, "Using webhook %s (%s)\n", h.ID, h.Event)
		return h, nil
	}
	h, err := o.check(o.c.Webhooks.Create(ctx, o.ws, want))
	if err == nil {
		fmt.Fprintf(o.out, "Created webhook %s (%s)\n", h.ID, h.Event)
	}
	return h, err
}

// check names a refusal by a Clockify rule (a webhook limit) as such.
func (o *onboarder) check(h *clockify.Webhook, _ *clockify.Response, err error) (*clockify.Webhook, error) {
	var re *clockify.RestrictionError
	if errors.As(err, &re) {
		return nil, fmt.Errorf("%w: %v", errRefused, err)
	}
	return h, err
}
