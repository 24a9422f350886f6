package clockify

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// ApplyRoster applies the actions of plan that are not blocked and returns one result per
// action, in the order of plan.Actions (a blocked action's result carries its Blocked error).
//
// Order: the actions of one member run one after another in the order of RosterActionKind's
// constants (the member is invited or added, then activated; roles and groups are removed
// before others are given; rates; the profile; deactivation last, after the roles it makes
// moot are gone), whatever their order in the plan. Different members are worked on
// concurrently, at most opts.Concurrency at a time, all through the client's rate limiter. When
// an action fails, the member's later actions are not attempted (ErrEarlierActionFailed):
// planning again shows what is left. The owner is never changed: the planner blocks every
// change to them, and ApplyRoster refuses (ErrOwnerImmutable) an action on the owner that a
// hand-made plan carries unblocked.
//
// Nothing is applied twice. Before sending anything ApplyRoster reads the member list again
// (and the group list when the plan changes groups) and checks each action against what the
// plan saw: the member is still there with the same membership status, a new member is still
// absent, a role or group is still held or missing, a rate still has its previous value.
// An action whose check fails is not sent and fails with ErrStalePlan; applying the same plan
// twice therefore fails every action the first run applied. A profile update re-reads the
// member's profile just before it is sent and goes ahead only if the fields it changes still
// have the values the plan saw (ProfileBefore). An invitation or new limited member is sent
// once and never retried after the server may have acted (Clockify does not de-duplicate
// them); the new member's id is then looked up by email or name for the actions that follow.
// Invitations are emailed (send-email=true).
//
// opts.Progress, if set, is called once per action as it finishes (blocked actions first),
// with BulkResult.UserID naming the member (email or name for a new member) and Err the
// action's error. When ctx ends, actions not started fail with an error wrapping ctx.Err().
//
// Cost: the re-reading (members/200 requests, plus groups/200, plus one owner search), then
// one request per action, two per profile update (the re-read) and one more after an
// invitation or new limited member followed by other actions (the id lookup); new limited
// members are added MaxLimitedMembers to a request.
//
// Clockify API: the endpoints of Members.Invite, AddLimited, Activate, Deactivate,
// SetHourlyRate, SetCostRate, AddToGroup, RemoveFromGroup, FindByEmail, Roles.Assign and Remove,
// Profiles.Get and Update; GET /v1/workspaces/{workspaceId}/users, GET …/user-groups and
// POST …/users/info to re-read the workspace.
func (s *MembersService) ApplyRoster(ctx context.Context, plan *RosterPlan, opts *BulkOptions) []RosterResult {
	if plan == nil {
		return nil
	}
	var o BulkOptions
	if opts != nil {
		o = *opts
	}
	r := &rosterRun{s: s, plan: plan, results: make([]RosterResult, len(plan.Actions)), progress: o.Progress}
	for i, a := range plan.Actions {
		r.results[i].Action = a
	}
	jobs := r.prepare(ctx)
	if len(jobs) > 0 {
		r.addLimited(ctx, jobs)
		r.run(ctx, jobs, o.Concurrency)
	}
	return r.results
}

// rosterRun is one ApplyRoster.
type rosterRun struct {
	s        *MembersService
	plan     *RosterPlan
	results  []RosterResult
	progress func(done, total int, r BulkResult)
	done     int
	snap     *rosterState
	settled  map[int]bool // actions already finished before the member jobs ran (batched adds)
}

// finish records the result of action i and reports progress; only the calling goroutine of
// ApplyRoster calls it.
func (r *rosterRun) finish(i int) {
	r.done++
	if r.progress != nil {
		res := r.results[i]
		r.progress(r.done, len(r.results), BulkResult{UserID: res.Action.member(), Err: res.Err})
	}
}

// prepare settles what fails without being sent (blocked, invalid, a failed re-reading) and
// returns the rest as jobs: per member, the indices of its actions in the order to apply them.
func (r *rosterRun) prepare(ctx context.Context) [][]int {
	var todo []int
	var invalid error
	if err := clientOf(r.s).usable(ctx); err != nil {
		invalid = err
	} else if err := requireIDs("plan.WorkspaceID", r.plan.WorkspaceID); err != nil {
		invalid = err
	}
	groups := false
	for i := range r.results {
		a := &r.results[i].Action
		switch {
		case a.Blocked != nil:
			r.results[i].Err = a.Blocked
		case invalid != nil:
			r.results[i].Err = invalid
		default:
			if err := a.validate(r.plan.WorkspaceID); err != nil {
				r.results[i].Err = fmt.Errorf("clockify: roster action %d: %w", i+1, err)
			} else {
				todo = append(todo, i)
				groups = groups || a.Kind == RosterAddToGroup || a.Kind == RosterRemoveFromGroup
			}
		}
		if r.results[i].Err != nil {
			r.finish(i)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	snap, err := clientOf(r.s).readRoster(ctx, r.plan.WorkspaceID, rosterRead{pageSize: defaultIterPageSize, groups: groups, owner: true})
	if err != nil {
		err = fmt.Errorf("clockify: re-read the workspace before applying the roster: %w", err)
		for _, i := range todo {
			r.results[i].Err = err
			r.finish(i)
		}
		return nil
	}
	r.snap = snap
	byMember := map[string]int{}
	var jobs [][]int
	for _, i := range todo {
		key := r.results[i].Action.memberKey()
		j, ok := byMember[key]
		if !ok {
			j = len(jobs)
			byMember[key] = j
			jobs = append(jobs, nil)
		}
		jobs[j] = append(jobs[j], i)
	}
	for _, job := range jobs {
		slices.SortStableFunc(job, func(x, y int) int {
			return cmp.Compare(r.results[x].Action.Kind.phase(), r.results[y].Action.Kind.phase())
		})
	}
	return jobs
}

// memberKey identifies the action's member within a run: the id, or for a member the plan
// creates, the email or the limited member's name.
func (a *RosterAction) memberKey() string {
	switch {
	case a.UserID != "":
		return "id:" + a.UserID
	case a.Email != "":
		return "email:" + strings.ToLower(a.Email)
	}
	return "name:" + a.Name
}

// run works on the jobs with a few workers; results are reported from this goroutine.
func (r *rosterRun) run(ctx context.Context, jobs [][]int, workers int) {
	if workers <= 0 {
		workers = DefaultBulkConcurrency
	}
	finished := make(chan int)
	work := func(job []int) { r.member(ctx, job, finished) }
	skip := func(job []int) {
		for _, i := range job {
			if !r.settled[i] {
				r.results[i].Err = notStarted(r.results[i].Action.member(), ctx.Err())
				finished <- i
			}
		}
	}
	startPool(ctx, jobs, min(workers, len(jobs)), work, skip, func() { close(finished) })
	for i := range finished {
		r.finish(i)
	}
}

// member applies one member's actions in order, stopping at the first failure.
func (r *rosterRun) member(ctx context.Context, job []int, finished chan<- int) {
	userID := ""
	var failed error
	for _, i := range job {
		a := &r.results[i].Action
		if r.settled[i] {
			if err := r.results[i].Err; err != nil && failed == nil {
				failed = err
			}
			continue
		}
		switch {
		case failed != nil:
			r.results[i].Err = fmt.Errorf("%w (%s)", ErrEarlierActionFailed, failed)
		case ctx.Err() != nil:
			r.results[i].Err = notStarted(a.member(), ctx.Err())
		default:
			if userID == "" {
				userID = a.UserID
			}
			var err error
			userID, err = r.apply(ctx, a, userID)
			r.results[i].Err = err
			if err != nil {
				failed = err
			}
		}
		finished <- i
	}
}

// addLimited adds the new limited members of the run MaxLimitedMembers to a request, before
// the member jobs run (which then go on with each member's other actions). Like an invitation,
// a batch is sent once and never repeated after the server may have acted; when it fails, each
// of its members' actions fails with its error. A member whose add is stale is left to its job,
// which reports it.
func (r *rosterRun) addLimited(ctx context.Context, jobs [][]int) {
	var batch []int
	for _, job := range jobs {
		if i := job[0]; r.results[i].Action.Kind == RosterAddLimited && r.check(&r.results[i].Action) == nil {
			batch = append(batch, i)
		}
	}
	r.settled = make(map[int]bool, len(batch))
	for len(batch) > 0 {
		n := min(len(batch), MaxLimitedMembers)
		members := make([]LimitedMember, n)
		for k, i := range batch[:n] {
			members[k] = *r.results[i].Action.Limited
		}
		err := ctx.Err()
		if err == nil {
			_, err = r.s.AddLimited(ctx, r.plan.WorkspaceID, members)
		} else {
			err = notStarted("new limited members", err)
		}
		for _, i := range batch[:n] {
			r.results[i].Err, r.settled[i] = err, true
			r.finish(i)
		}
		batch = batch[n:]
	}
}

// apply checks one action against the re-read workspace and sends it. userID is the member's
// id when known; the id of a member created by this run is looked up once they exist.
func (r *rosterRun) apply(ctx context.Context, a *RosterAction, userID string) (string, error) {
	if err := r.check(a); err != nil {
		return userID, err
	}
	ws, c := r.plan.WorkspaceID, clientOf(r.s)
	switch a.Kind {
	case RosterInvite:
		_, _, err := r.s.Invite(ctx, ws, a.Email, nil)
		return a.UserID, err
	case RosterAddLimited:
		_, err := r.s.AddLimited(ctx, ws, []LimitedMember{*a.Limited})
		return "", err
	}
	if userID == "" {
		id, err := r.newMemberID(ctx, a)
		if err != nil {
			return "", err
		}
		userID = id
	}
	var err error
	switch a.Kind {
	case RosterActivate:
		_, _, err = r.s.Activate(ctx, ws, userID)
	case RosterDeactivate:
		_, _, err = r.s.Deactivate(ctx, ws, userID)
	case RosterAssignRole:
		_, _, err = c.Roles.Assign(ctx, ws, userID, a.Role)
	case RosterRemoveRole:
		_, err = c.Roles.Remove(ctx, ws, userID, a.Role)
	case RosterAddToGroup:
		_, _, err = r.s.AddToGroup(ctx, ws, userID, a.GroupID)
	case RosterRemoveFromGroup:
		_, _, err = r.s.RemoveFromGroup(ctx, ws, userID, a.GroupID)
	case RosterSetHourlyRate:
		_, _, err = r.s.SetHourlyRate(ctx, ws, userID, RateChange{Amount: a.Amount})
	case RosterSetCostRate:
		_, _, err = r.s.SetCostRate(ctx, ws, userID, RateChange{Amount: a.Amount})
	case RosterUpdateProfile:
		err = r.updateProfile(ctx, a, userID)
	}
	return userID, err
}

// check compares an action with the workspace as re-read before the run: ErrStalePlan when the
// member is no longer as the plan saw them. Actions following the creation of a member in this
// run have nothing to compare with and pass.
func (r *rosterRun) check(a *RosterAction) error {
	snap := r.snap
	if a.UserID == "" {
		if a.Kind == RosterInvite && snap.byEmail[strings.ToLower(a.Email)] != nil {
			return stale(a, "%s joined the workspace after the plan was made", a.Email)
		}
		if a.Kind == RosterAddLimited && len(snap.byName[a.Name]) > 0 {
			return stale(a, "a limited member named %q was added after the plan was made", a.Name)
		}
		return nil
	}
	m := snap.byID[a.UserID]
	switch {
	case m != nil && m.owner:
		return ownerUntouched(m, "membership")
	case m == nil:
		return stale(a, "member %s is no longer in the workspace", a.member())
	case m.status != a.Status:
		return stale(a, "member %s is now %s; the plan saw %s", a.member(), m.status, a.Status)
	}
	switch a.Kind {
	case RosterAssignRole, RosterRemoveRole:
		if held := m.hasRole(a.Role); held != (a.Kind == RosterRemoveRole) {
			return stale(a, "member %s %s %s now", a.member(), map[bool]string{true: "holds", false: "no longer holds"}[held], a.Role)
		}
	case RosterAddToGroup, RosterRemoveFromGroup:
		if snap.groupByID[a.GroupID] == nil {
			return stale(a, "group %s no longer exists", a.GroupID)
		}
		if in := m.groups[a.GroupID]; in != (a.Kind == RosterRemoveFromGroup) {
			return stale(a, "member %s is %sin group %s now", a.member(), map[bool]string{true: "", false: "no longer "}[in], a.GroupID)
		}
	case RosterSetHourlyRate, RosterSetCostRate:
		has := m.hourly
		if a.Kind == RosterSetCostRate {
			has = m.cost
		}
		if formatAmount(has) != formatAmount(a.Previous) {
			return stale(a, "member %s's rate is %s now; the plan saw %s", a.member(), formatAmount(has), formatAmount(a.Previous))
		}
	}
	return nil
}

// updateProfile re-reads the profile when the plan recorded the values it changes, and sends
// the update only if they are still those values.
func (r *rosterRun) updateProfile(ctx context.Context, a *RosterAction, userID string) error {
	c, ws := clientOf(r.s), r.plan.WorkspaceID
	if a.ProfileBefore != nil {
		p, _, err := c.Profiles.Get(ctx, ws, userID)
		if err != nil {
			return err
		}
		if why, ok := profileUnchanged(a.ProfileBefore, p); !ok {
			return stale(a, "member %s's %s", a.member(), why)
		}
	}
	_, _, err := c.Profiles.Update(ctx, ws, userID, a.Profile)
	return err
}

func stale(a *RosterAction, format string, args ...any) error {
	return fmt.Errorf("%w: %s not applied: %s", ErrStalePlan, a.Kind, fmt.Sprintf(format, args...))
}

// newMemberID finds the id of a member this run invited (by email) or added (by name; the
// name must be unique among limited members, as the plan checked).
//
// Clockify API: GET /v1/workspaces/{workspaceId}/users?email=… (or ?name=…)
func (r *rosterRun) newMemberID(ctx context.Context, a *RosterAction) (string, error) {
	if a.Email != "" {
		u, _, err := r.s.FindByEmail(ctx, r.plan.WorkspaceID, a.Email)
		if err != nil {
			return "", fmt.Errorf("clockify: look up new member %s: %w", a.Email, err)
		}
		return u.ID, nil
	}
	var ids []string
	for u, err := range r.s.All(ctx, r.plan.WorkspaceID, lookupOptions("", a.Name)) {
		if err != nil {
			return "", fmt.Errorf("clockify: look up new member %s: %w", a.Name, err)
		}
		if u.Name == a.Name && u.Status == AccountLimited {
			ids = append(ids, u.ID)
		}
	}
	if len(ids) != 1 {
		return "", fmt.Errorf("clockify: look up new limited member %q: %d match, want 1: %w", a.Name, len(ids), ErrNotFound)
	}
	return ids[0], nil
}
