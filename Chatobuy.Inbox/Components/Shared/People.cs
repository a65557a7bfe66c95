using System.Security.Claims;
using Chatobuy.Inbox.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Components.Shared;

/// <summary>Reads people's names (the users' display names) for the pages that show who is who.</summary>
public sealed class People(IDbContextFactory<InboxDbContext> dbFactory)
{
    public async Task<PersonName?> FindAsync(string? userId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : PersonName.Of(user.DisplayName, user.Email);
    }

    /// <summary>The signed-in user's name; the sign-in name (e-mail) when the account is not found.</summary>
    public async Task<PersonName> OfAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await FindAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken)
        ?? PersonName.Of(null, user.Identity?.Name);
}
