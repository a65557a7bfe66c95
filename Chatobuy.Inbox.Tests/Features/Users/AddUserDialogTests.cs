using Bunit;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Chatobuy.Inbox.Tests.Features.Users;

public sealed class AddUserDialogTests : ComponentTestContext
{
    private readonly List<NewUserModel> _submitted = [];

    public AddUserDialogTests()
    {
        Services.AddScoped<NewUserValidator>();
    }

    [Fact]
    public async Task Submit_EmptyForm_ShowsMessagesNextToFieldsAndCreatesNothing()
    {
        var (providers, _) = await ShowAsync(_ => UserCommandResult.Ok);

        providers.Find("[data-testid=add-user-submit]").Click();

        providers.WaitForAssertion(() =>
        {
            var text = providers.Find(".mud-dialog").TextContent;
            text.ShouldContain("Enter the user's name.");
            text.ShouldContain("Enter the user's email.");
            text.ShouldContain("Choose an initial password.");
        });
        _submitted.ShouldBeEmpty();
        providers.FindAll(".mud-dialog").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Submit_ServerRefuses_ShowsTheReasonAndStaysOpen()
    {
        var (providers, dialog) = await ShowAsync(_ => UserCommandResult.Fail("A user with this email already exists."));
        Fill(providers);

        providers.Find("[data-testid=add-user-submit]").Click();

        providers.WaitForAssertion(() =>
            providers.Find("[data-testid=add-user-error]").TextContent.ShouldContain("A user with this email already exists."));
        _submitted.ShouldHaveSingleItem().Email.ShouldBe("new@example.com");
        providers.FindAll(".mud-dialog").Count.ShouldBe(1);
        dialog.Result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task Submit_Valid_ClosesWithTheEmail()
    {
        var (providers, dialog) = await ShowAsync(_ => UserCommandResult.Ok);
        Fill(providers);

        providers.Find("[data-testid=add-user-submit]").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        result!.Canceled.ShouldBeFalse();
        result.Data.ShouldBe("new@example.com");
        var model = _submitted.ShouldHaveSingleItem();
        model.DisplayName.ShouldBe("New Person");
        model.Role.ShouldBe(Roles.Agent);
    }

    private static void Fill(IRenderedComponent<MudProviders> providers)
    {
        providers.Find("#new-user-name").Change("New Person");
        providers.Find("#new-user-email").Change("new@example.com");
        providers.Find("#new-user-password").Change("long-enough-1");
    }

    private async Task<(IRenderedComponent<MudProviders> Providers, IDialogReference Dialog)> ShowAsync(
        Func<NewUserModel, UserCommandResult> answer)
    {
        var providers = RenderProviders();
        var parameters = new DialogParameters<AddUserDialog>
        {
            {
                d => d.CreateAsync, model =>
                {
                    _submitted.Add(model);
                    return Task.FromResult(answer(model));
                }
            },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await providers.InvokeAsync(() => dialogs.ShowAsync<AddUserDialog>("Add user", parameters));
        return (providers, dialog);
    }
}
