using Bunit;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatobuy.Inbox.Tests.Features.Api;

/// <summary>What an admin finds on the API keys page besides the keys: where the API is described.</summary>
public sealed class ApiKeysPageTests : ComponentTestContext
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"chatobuy-bunit-{Guid.NewGuid():N}.db");

    public ApiKeysPageTests()
    {
        Services.AddDbContextFactory<InboxDbContext>(o => o.UseSqlite($"Data Source={_databaseFile}"));
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<ApiKeyService>();
        AddAuthorization().SetAuthorized("Admin Person");

        using var db = Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContext();
        db.Database.Migrate();
    }

    [Fact]
    public void ApiKeysPage_Rendered_LinksTheApiReferenceAndTheOpenApiDocument()
    {
        RenderProviders();

        var page = Render<ApiKeysPage>();

        var reference = page.WaitForElement("[data-testid=api-reference]");
        reference.TextContent.Trim().ShouldBe("API reference");
        reference.GetAttribute("href").ShouldBe("/api/reference/");
        page.FindAll("a").Select(a => a.GetAttribute("href")).ShouldContain("/openapi/v1.json");
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }
}
