using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Sandbox;

namespace Chatobuy.Inbox.Tests.Sandbox;

/// <summary>The Sandbox names the role its pages need itself; it must stay the inbox's admin role.</summary>
public sealed class SandboxAccessTests
{
    [Fact]
    public void SandboxAccessRole_IsTheInboxAdminRole()
    {
        SandboxAccess.Role.ShouldBe(Roles.Admin);
    }
}
