using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Users;

/// <summary>Knows whether the first Admin has been created. Once it has, the answer never changes back.</summary>
public sealed class SetupState(IDbContextFactory<InboxDbContext> dbFactory)
{
    private volatile bool _hasUsers;

    public async Task<bool> HasUsersAsync(CancellationToken cancellationToken = default)
    {
        if (_hasUsers)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _hasUsers = await db.Users.AnyAsync(cancellationToken);
        return _hasUsers;
    }

    public void MarkSetUp() => _hasUsers = true;

    internal static bool IsAlwaysReachable(PathString path) =>
        path.StartsWithSegments("/setup")
        || path.StartsWithSegments("/error")
        || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content")
        || MachinePaths.Matches(path)
        || Path.HasExtension(path.Value);
}
