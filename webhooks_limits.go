package clockify

import (
	"context"
	"strings"
)

// webhookLimits are the limits of a plan: per workspace, per user (0: none).
func webhookLimits(plan string) (workspace, user int) {
	switch {
	case plan == planFree:
		return 3, 0
	case strings.Contains(plan, "ENTERPRISE"):
		return 300, 100
	}
	return 100, 10
}

// webhookLimitRules: after a refused Create, count the workspace's webhooks and the caller's,
// against the limits of the workspace's plan.
func webhookLimitRules() []check {
	return []check{func(ctx context.Context, f *facts) *RestrictionError {
		plan := f.workspace(ctx).Plan()
		if f.err != nil {
			return nil
		}
		l, _, err := f.c.Webhooks.list(ctx, f.workspaceID, &ListWebhooksOptions{Type: WebhooksUserCreated})
		if err != nil {
			f.err = err
			return nil
		}
		wsMax, userMax := webhookLimits(plan)
		if l.Count >= wsMax {
			return f.restrict(ErrWebhookWorkspaceLimit, "workspace %s has %d webhooks; its plan (%s) allows %d", f.workspaceID, l.Count, plan, wsMax)
		}
		if userMax == 0 {
			return nil
		}
		caller, err := f.c.currentUserID(ctx)
		if err != nil {
			f.err = err
			return nil
		}
		mine := 0
		for _, w := range l.Webhooks {
			if w.UserID == caller {
				mine++
			}
		}
		if mine >= userMax {
			return f.restrict(ErrWebhookUserLimit, "user %s has made %d webhooks in workspace %s; its plan (%s) allows %d per user", caller, mine, f.workspaceID, plan, userMax)
		}
		return nil
	}}
}
