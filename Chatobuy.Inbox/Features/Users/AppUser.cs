using Microsoft.AspNetCore.Identity;

namespace Chatobuy.Inbox.Features.Users;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A deactivated user cannot sign in; existing sessions end at the next revalidation.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
