using Chatobuy.Inbox.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>The two people of the inbox tests: Ada, the first Admin, and Bob, an Agent.</summary>
public static class AdaAndBob
{
    public const string Password = "correct horse battery";

    /// <summary>Creates Ada (ada@example.com, Admin) and Bob (bob@example.com, Agent); returns their user ids.</summary>
    public static async Task<(string AdaId, string BobId)> CreateAsync(InboxApp app)
    {
        await using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await users.CreateFirstAdminAsync("ada@example.com", "Ada", Password)).Succeeded.ShouldBeTrue();
        (await users.CreateAsync("bob@example.com", "Bob", Roles.Agent, Password)).Succeeded.ShouldBeTrue();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return ((await userManager.FindByEmailAsync("ada@example.com"))!.Id, (await userManager.FindByEmailAsync("bob@example.com"))!.Id);
    }
}
