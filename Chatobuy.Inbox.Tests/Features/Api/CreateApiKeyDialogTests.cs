using Bunit;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Chatobuy.Inbox.Tests.Features.Api;

public sealed class CreateApiKeyDialogTests : ComponentTestContext
{
    private const string Plaintext = "cbk_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private readonly List<string> _names = [];

    public CreateApiKeyDialogTests()
    {
        Services.AddScoped<NewApiKeyValidator>();
    }

    [Fact]
    public async Task Create_NoName_AsksForANameAndCreatesNothing()
    {
        var providers = await ShowAsync();

        providers.Find("[data-testid=create-api-key-submit]").Click();

        providers.WaitForAssertion(() => providers.Markup.ShouldContain("Name the key after what will use it"));
        _names.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_NameTooLong_SaysTheLimit()
    {
        var providers = await ShowAsync();
        providers.Find("#new-api-key-name").Change(new string('k', 101));

        providers.Find("[data-testid=create-api-key-submit]").Click();

        providers.WaitForAssertion(() => providers.Markup.ShouldContain("Keep the name under 100 characters."));
        _names.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_ValidName_ShowsTheKeyOnceWithCopyButtonAndWarning()
    {
        var providers = await ShowAsync();
        providers.Find("#new-api-key-name").Change("CRM sync");

        providers.Find("[data-testid=create-api-key-submit]").Click();

        providers.WaitForAssertion(() =>
            providers.Find("#new-api-key-value").GetAttribute("value").ShouldBe(Plaintext));
        _names.ShouldBe(["CRM sync"]);
        providers.Find("[data-testid=api-key-warning]").TextContent.ShouldContain("It will not be shown again");
        providers.FindAll("[data-testid=copy-api-key]").Count.ShouldBe(1);
    }

    private async Task<IRenderedComponent<MudProviders>> ShowAsync()
    {
        var providers = RenderProviders();
        var parameters = new DialogParameters<CreateApiKeyDialog>
        {
            {
                d => d.CreateAsync, name =>
                {
                    _names.Add(name);
                    return Task.FromResult(Plaintext);
                }
            },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        await providers.InvokeAsync(() => dialogs.ShowAsync<CreateApiKeyDialog>("Create API key", parameters));
        return providers;
    }
}
