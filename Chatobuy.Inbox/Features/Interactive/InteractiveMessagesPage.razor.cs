using System.Security.Claims;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>A channel's interactive-message library: search, preview; Admins also create, edit, duplicate and delete.</summary>
public sealed partial class InteractiveMessagesPage : IDisposable
{
    private const int ExcerptLength = 80;

    private readonly CancellationTokenSource _cts = new();
    private InteractiveChannel? _channel;
    private IReadOnlyList<InteractiveMessage> _messages = [];
    private InteractiveMessage? _selected;
    private InteractiveObject? _selectedInteractive;
    private ChannelCatalog? _catalog;
    private bool _loaded;
    private bool _isAdmin;
    private string _userId = "";
    private string _search = "";

    [Inject]
    private InteractiveLibrary Library { get; set; } = default!;

    [Inject]
    private InteractiveCatalogs Catalogs { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter]
    public string ChannelId { get; set; } = "";

    private string NewHref => $"/channels/{ChannelId}/interactive-messages/new";

    private string BackHref => _isAdmin ? "/channels" : "/";

    private string EditHref(InteractiveMessage message) => $"/channels/{ChannelId}/interactive-messages/{message.Id}/edit";

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        _isAdmin = (await Authorization.AuthorizeAsync(user, Policies.Admin)).Succeeded;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        _channel = await Library.GetChannelAsync(ChannelId, _cts.Token);
        await LoadAsync();
        _loaded = true;
    }

    private async Task LoadAsync()
    {
        _messages = _channel is null ? [] : await Library.ListAsync(ChannelId, _search, _cts.Token);
        if (_selected is not null && _messages.FirstOrDefault(m => m.Id == _selected.Id) is { } still)
        {
            await SelectAsync(still);
        }
        else
        {
            (_selected, _selectedInteractive) = (null, null);
        }
    }

    private async Task SearchAsync(string search)
    {
        _search = search ?? "";
        await LoadAsync();
    }

    private async Task SelectAsync(InteractiveMessage message)
    {
        _selected = message;
        _selectedInteractive = TryParse(message);
        if (message.Type is InteractiveTypes.Product or InteractiveTypes.ProductList && _catalog is null)
        {
            _catalog = await Catalogs.GetAsync(ChannelId, cancellationToken: _cts.Token);
        }
    }

    private static InteractiveObject? TryParse(InteractiveMessage message)
    {
        try
        {
            return InteractiveLibrary.Parse(message);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The start of the body (else the header, else the type's own words), on one line.</summary>
    private static string Excerpt(InteractiveMessage message)
    {
        var interactive = TryParse(message);
        var text = (interactive?.Body?.Text ?? interactive?.Header?.Text ?? "").ReplaceLineEndings(" ").Trim();
        return text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 1)].TrimEnd() + "…";
    }

    private async Task DuplicateAsync(InteractiveMessage message)
    {
        var result = await Library.DuplicateAsync(ChannelId, message.Id, _userId, _cts.Token);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Summary ?? "The message could not be duplicated.", Severity.Error);
            return;
        }

        Snackbar.Add($"\"{result.Message!.Name}\" was created.", Severity.Success);
        await LoadAsync();
    }

    private async Task DeleteAsync(InteractiveMessage message)
    {
        var confirmed = await Dialogs.ConfirmAsync(
            "Delete interactive message",
            $"Delete \"{message.Name}\"? Agents can no longer send it. Chats where it was already sent keep it as it was.",
            "Delete",
            Color.Error);
        if (!confirmed)
        {
            return;
        }

        if (!await Library.DeleteAsync(ChannelId, message.Id, _cts.Token))
        {
            Snackbar.Add(InteractiveLibrary.NotFoundMessage, Severity.Warning);
        }
        else
        {
            Snackbar.Add($"\"{message.Name}\" was deleted.", Severity.Success);
        }

        await LoadAsync();
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
