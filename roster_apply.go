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
// Nothing is sent for a plan that fails RosterPlan.Validate: every action that is not blocked
// fails with the plan's *ValidationError(s), which name the actions at fault. A plan decoded
// from JSON was validated already; a plan built or edited in Go is validated here.
//
// One path for every action. Before sending anything ApplyRoster reads the workspace again
// (the member list, and the group list when the plan changes groups; the workspace's plan and
// features, the caller, the owner and admin searches) and puts every action through what the
// planner put it through: its member is the one its UserID names in that reading (an action
// without a UserID is only for the member an invitation or add-limited of the plan creates);
// the owner is never changed (ErrOwnerImmutable); the action must still be needed (the member
// is there with the membership status the plan saw, with the same email, a new member is still
// absent, a role or group is still held or missing, a rate still has its previous value, else
// ErrStalePlan); and Clockify's rules, judged from that reading exactly as when planning, must
// not block it (the *RestrictionError of the rule, e.g. ErrOwnerOnly for an admin's key
// deactivating another admin). A profile update re-reads the member's profile just before it is
// sent, is judged by the profile rules with it, and goes ahead only if the fields it changes
// still have the values the plan saw (ProfileBefore). Applying the same plan twice therefore
// fails every action the first run applied.
//
// One writer per workspace. Applies of the same workspace in this process take turns, whatever
// the client; with opts.Locker, the apply also holds that lock (named RosterLockKey) from
// before the re-reading until its last request, so applies in several processes take turns
// too. An invitation or new limited member is sent once and never retried after the server
// may have acted (Clockify does not de-duplicate them); just before new limited members are
// added, their names are checked against the workspace's limited members once more, so two
// runs that do not share a lock at worst fail one of them with ErrStalePlan instead of adding a
// member twice (limited members cannot be removed by API). The new member's id is then looked
// up by email or name for the actions that follow. Invitations are emailed (send-email=true).
//
// Order: the actions of one member run one after another in the order of RosterActionKind's
// constants (the member is invited or added, then activated; roles and groups are removed
// before others are given; rates; the profile; deactivation last, after the roles it makes
// moot are gone), whatever their order in the plan. Different members are worked on
// concurrently, at most opts.Concurrency at a time, all through the client's rate limiter. When
// an action fails, the member's later actions are not attempted (ErrEarlierActionFailed):
// planning again shows what is left.
//
// opts.Progress, if set, is called once per action as it finishes (blocked actions first),
// with BulkResult.UserID naming the member (email or name for a new member) and Err the
// action's error. When ctx ends, actions not started fail with an error wrapping ctx.Err().
//
// Cost: the re-reading (ceil(members/MaxPageSize) requests for the member list, one more for
// the groups when the plan changes groups, four fixed: workspace, caller, owner and admin
// searches), then one request per action, two per profile update of an existing member (the
// re-read), one more after an invitation or new limited member followed by other actions (the
// id lookup) and one per batch of new limited members (the name check); new limited members
// are added MaxLimitedMembers to a request. On 1,000 members with 100 profile updates and 68
// other changes: 274 requests (168 writes, 100 re-reads, 6 readings).
//
// Clockify API: the endpoints of Members.Invite, AddLimited, Activate, Deactivate,
// SetHourlyRate, SetCostRate, AddToGroup, RemoveFromGroup, FindByEmail, Roles.Assign and Remove,
// Profiles.Get and Update; GET /v1/workspaces/{workspaceId}/users, GET …/user-groups,
// GET /v1/workspaces/{workspaceId}, GET /v1/user and POST …/users/info to re-read the workspace.
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
	todo := r.validate(ctx)
	if len(todo) == 0 {
		return r.results
	}
	unlock, err := lockWorkspace(ctx, plan.WorkspaceID, o.Locker)
	if err != nil {
		r.fail(todo, wrapf(err, "lock workspace %s for the roster", plan.WorkspaceID))
		return r.results
	}
	defer unlock()
	jobs := r.prepare(ctx, todo)
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
	judge    *rosterPlanner   // the rules, fed from snap
	vetted   map[int]*vetting // per action to send: its member and the check before sending
	settled  map[int]bool     // actions already finished before the member jobs ran (batched adds)
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

// fail settles the actions of todo with err.
func (r *rosterRun) fail(todo []int, err error) {
	for _, i := range todo {
		r.results[i].Err = err
		r.finish(i)
	}
}

// validate settles the blocked actions and returns the others, or settles them all when the
// plan is invalid (nothing of an invalid plan is sent).
func (r *rosterRun) validate(ctx context.Context) []int {
	invalid := clientOf(r.s).usable(ctx)
	if invalid == nil {
		invalid = r.plan.Validate()
	}
	var todo []int
	for i := range r.results {
		if b := r.results[i].Action.Blocked; b != nil {
			r.results[i].Err = b
			r.finish(i)
		} else {
			todo = append(todo, i)
		}
	}
	if invalid != nil {
		r.fail(todo, invalid)
		return nil
	}
	return todo
}

// prepare re-reads the workspace and returns the actions to send as jobs: per member, the
// indices of its actions in the order to apply them. Each action is vetted against the
// reading first (its member, the rules, the staleness check); one that fails it is not sent.
func (r *rosterRun) prepare(ctx context.Context, todo []int) [][]int {
	groups := slices.ContainsFunc(todo, func(i int) bool {
		k := r.results[i].Action.Kind
		return k == RosterAddToGroup || k == RosterRemoveFromGroup
	})
	c := clientOf(r.s)
	snap, err := c.readRoster(ctx, r.plan.WorkspaceID, rosterRead{pageSize: MaxPageSize, groups: groups, rules: true})
	if err != nil {
		r.fail(todo, wrapf(err, "re-read the workspace before applying the roster"))
		return nil
	}
	r.snap = snap
	r.judge = &rosterPlanner{ctx: ctx, c: c, st: snap, wsID: r.plan.WorkspaceID, holders: rosterHolders(snap.owners, snap.admins)}
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
	r.vetted = make(map[int]*vetting, len(todo))
	for _, job := range jobs {
		slices.SortStableFunc(job, func(x, y int) int {
			return cmp.Compare(r.results[x].Action.Kind.phase(), r.results[y].Action.Kind.phase())
		})
		r.vet(job)
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
			userID, err = r.apply(ctx, i, userID)
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
// of its members' actions fails with its error. Just before a batch, the names are checked
// against the workspace's limited members once more, so that a run of another process that
// added one of them since the re-reading makes this one stale instead of a duplicate. A member
// whose add failed its vetting is left to its job, which reports it.
func (r *rosterRun) addLimited(ctx context.Context, jobs [][]int) {
	var batch []int
	for _, job := range jobs {
		if i := job[0]; r.results[i].Action.Kind == RosterAddLimited && r.vetted[i].err == nil {
			batch = append(batch, i)
		}
	}
	r.settled = make(map[int]bool, len(batch))
	for len(batch) > 0 {
		n := min(len(batch), MaxLimitedMembers)
		send := r.recheckNames(ctx, batch[:n])
		members := make([]LimitedMember, len(send))
		for k, i := range send {
			members[k] = *r.results[i].Action.Limited
		}
		err := ctx.Err()
		switch {
		case err != nil:
			err = notStarted("new limited members", err)
		case len(send) > 0:
			_, err = r.s.AddLimited(ctx, r.plan.WorkspaceID, members)
		}
		for _, i := range send {
			r.results[i].Err, r.settled[i] = err, true
			r.finish(i)
		}
		batch = batch[n:]
	}
}

// recheckNames settles the adds of batch whose name a limited member has now (ErrStalePlan,
// or the error of the reading) and returns the others.
func (r *rosterRun) recheckNames(ctx context.Context, batch []int) []int {
	if ctx.Err() != nil {
		return batch
	}
	taken, err := r.limitedNames(ctx)
	var send []int
	for _, i := range batch {
		a := &r.results[i].Action
		switch {
		case err != nil:
			r.results[i].Err = wrapf(err, "check limited member %q is still absent", a.Name)
		case taken[a.Name]:
			r.results[i].Err = stale(a, "a limited member named %q was added after the workspace was re-read", a.Name)
		default:
			send = append(send, i)
			continue
		}
		r.settled[i] = true
		r.finish(i)
	}
	return send
}

// limitedNames reads the names of the workspace's limited members.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/users?account-statuses=LIMITED
func (r *rosterRun) limitedNames(ctx context.Context) (map[string]bool, error) {
	names := map[string]bool{}
	opts := &ListMembersOptions{Status: MembershipAll, AccountStatuses: []AccountStatus{AccountLimited, AccountLimitedDeleted},
		ListOptions: ListOptions{PageSize: MaxPageSize}}
	for u, err := range r.s.All(ctx, r.plan.WorkspaceID, opts) {
		if err != nil {
			return nil, err
		}
		names[u.Name] = true
	}
	return names, nil
}

// apply sends action i once its vetting passed. userID is the member's id when known; the id
// of a member created by this run is looked up once they exist.
func (r *rosterRun) apply(ctx context.Context, i int, userID string) (string, error) {
	a, v := &r.results[i].Action, r.vetted[i]
	if v.err != nil {
		return userID, v.err
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
		err = r.updateProfile(ctx, a, v, userID)
	}
	return userID, err
}
