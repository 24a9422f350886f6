package clockify

import (
	"context"
	"strings"
)

// ErrWebhookLimit matches both webhook limits, ErrWebhookWorkspaceLimit and ErrWebhookUserLimit.
var ErrWebhookLimit error = &webhookLimit{msg: "clockify: webhook limit reached"}

// Clockify's webhook limits (https://clockify.me/help/getting-started/webhook-and-api-limitations):
// 3 webhooks per workspace on the Free plan, 10 per user and 100 per workspace on paid plans
// (100 and 300 on Enterprise). Clockify refuses the webhook beyond a limit without saying
// which; Webhooks.Create names it, counting the workspace's webhooks and the caller's own.
var (
	// ErrWebhookWorkspaceLimit: the workspace has as many webhooks as its plan allows.
	ErrWebhookWorkspaceLimit error = &webhookLimit{msg: "clockify: the workspace has as many webhooks as its plan allows"}
	// ErrWebhookUserLimit: the caller has made as many webhooks as one user may.
	ErrWebhookUserLimit error = &webhookLimit{msg: "clockify: this user has made as many webhooks as one user may"}
)

// webhookLimit is a webhook limit rule; every one matches ErrWebhookLimit as well as itself.
type webhookLimit struct{ msg string }

func (e *webhookLimit) Error() string { return e.msg }

func (e *webhookLimit) Is(target error) bool { return target == ErrWebhookLimit }

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
