using System.ComponentModel.DataAnnotations;

namespace Chatobuy.Inbox.Features.Users;

/// <summary>How many sign-in attempts one client address may make in a window, on top of the per-account lockout.</summary>
public sealed class SignInLimitOptions
{
    public const string SectionName = "SignInLimit";

    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
