using Chatobuy.Inbox.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Users;

/// <summary>Creates, lists, deactivates and re-roles users. Keeps at least one active Admin at all times.</summary>
public sealed class UserAdministration(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IDbContextFactory<InboxDbContext> dbFactory,
    SetupState setup,
    TimeProvider time,
    ILogger<UserAdministration> logger)
{
    public async Task<UserCommandResult> CreateFirstAdminAsync(string email, string displayName, string password)
    {
        if (await setup.HasUsersAsync())
        {
            return UserCommandResult.Fail("Set-up is already done: sign in instead.");
        }

        var result = await CreateAsync(email, displayName, Roles.Admin, password);
        if (result.Succeeded)
        {
            setup.MarkSetUp();
        }

        return result;
    }

    public async Task<UserCommandResult> CreateAsync(string email, string displayName, string role, string password)
    {
        if (!Roles.All.Contains(role))
        {
            return UserCommandResult.Fail($"Unknown role '{role}'.");
        }

        await EnsureRolesAsync();
        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            EmailConfirmed = true,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return UserCommandResult.Fail(Describe(created));
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return UserCommandResult.Fail(Describe(added));
        }

        logger.LogInformation("User {UserId} created with role {Role}", user.Id, role);
        return UserCommandResult.Ok;
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
                from ur in userRoles.DefaultIfEmpty()
                join r in db.Roles on ur.RoleId equals r.Id into roleNames
                from r in roleNames.DefaultIfEmpty()
                select new { u.Id, u.Email, u.DisplayName, Role = r == null ? null : r.Name, u.IsActive, u.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(x => x.Id)
            .Select(g => g.First())
            .Select(x => new UserRow(x.Id, x.Email ?? "", x.DisplayName, x.Role ?? Roles.Agent, x.IsActive, x.CreatedAt))
            .OrderBy(x => x.CreatedAt)
            .ToList();
    }

    public async Task<UserCommandResult> SetActiveAsync(string userId, bool active, string actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserCommandResult.Fail("That user no longer exists.");
        }

        if (!active && userId == actingUserId)
        {
            return UserCommandResult.Fail("You cannot deactivate yourself.");
        }

        if (!active && await users.IsInRoleAsync(user, Roles.Admin) && await CountActiveAdminsAsync() <= 1)
        {
            return UserCommandResult.Fail("This is the last active Admin: make another user Admin first.");
        }

        user.IsActive = active;
        user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return UserCommandResult.Fail(Describe(updated));
        }

        // A new security stamp ends the user's open sessions at the next revalidation.
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("User {UserId} {Change} by {ActingUserId}", userId, active ? "reactivated" : "deactivated", actingUserId);
        return UserCommandResult.Ok;
    }

    public async Task<UserCommandResult> ChangeRoleAsync(string userId, string role, string? actingUserId = null)
    {
        if (!Roles.All.Contains(role))
        {
            return UserCommandResult.Fail($"Unknown role '{role}'.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserCommandResult.Fail("That user no longer exists.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(role))
        {
            return UserCommandResult.Ok;
        }

        if (current.Contains(Roles.Admin) && user.IsActive && await CountActiveAdminsAsync() <= 1)
        {
            return UserCommandResult.Fail("This is the last active Admin: make another user Admin first.");
        }

        await EnsureRolesAsync();
        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        if (!added.Succeeded)
        {
            return UserCommandResult.Fail(Describe(added));
        }

        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("User {UserId} is now {Role}, changed by {ActingUserId}", userId, role, actingUserId ?? "(system)");
        return UserCommandResult.Ok;
    }

    private async Task<int> CountActiveAdminsAsync()
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Count(a => a.IsActive);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Code switch
        {
            "DuplicateUserName" or "DuplicateEmail" => "A user with this email already exists.",
            _ => e.Description,
        }).Distinct());
}
