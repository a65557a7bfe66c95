using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Users;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A deactivated user cannot sign in; existing sessions end at the next revalidation.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
    }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Agent = "Agent";

    public static readonly IReadOnlyList<string> All = [Admin, Agent];
}
