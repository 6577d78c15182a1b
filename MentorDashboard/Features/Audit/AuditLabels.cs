namespace MentorDashboard.Features.Audit;

/// <summary>The English text (and localisation key) of each kind of audit entry.</summary>
public static class AuditLabels
{
    public static string Of(AuditKind kind) => kind switch
    {
        AuditKind.SignedIn => "Signed in",
        AuditKind.SignInFailed => "Sign-in failed",
        AuditKind.LockedOut => "Locked out",
        AuditKind.SignedOut => "Signed out",
        AuditKind.TwoFactorChanged => "Two-factor sign-in changed",
        AuditKind.PasswordReset => "Password reset",
        AuditKind.RoleGranted => "Role granted",
        AuditKind.RoleRemoved => "Role removed",
        AuditKind.PersonDisabled => "Person disabled",
        AuditKind.PersonEnabled => "Person enabled",
        AuditKind.InvitationSent => "Invitation sent",
        AuditKind.InvitationAccepted => "Invitation accepted",
        AuditKind.InvitationRevoked => "Invitation revoked",
        AuditKind.Exported => "Data exported",
        AuditKind.SupportNotesViewed => "Support notes viewed",
        AuditKind.PostModerated => "Post moderated",
        AuditKind.NewsroomSettingsChanged => "Newsroom settings changed",
        AuditKind.GuardianConsentChanged => "Guardian consent changed",
        _ => kind.ToString(),
    };
}
