using Chatobuy.Inbox.Components.Shared;
using Chatobuy.Inbox.Events;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>The template manager of a channel: list, filters, search, sync, delete; live status from <see cref="InboxEvents"/>.</summary>
public sealed partial class TemplatesPage
{
    private const string All = "";

    private static readonly string[] Statuses = ["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED"];

    private readonly CancellationTokenSource _cts = new();
    private IDisposable? _templateUpdates;
    private TemplateChannel? _channel;
    private IReadOnlyList<MessageTemplate> _templates = [];
    private MessageTemplate? _selected;
    private bool _loaded;
    private bool _syncing;
    private string _search = "";
    private string _status = All;
    private string _category = All;
    private string _language = All;

    [Inject]
    private TemplateManager Templates { get; set; } = default!;

    [Inject]
    private TemplateSync Sync { get; set; } = default!;

    [Inject]
    private InboxEvents Events { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public string ChannelId { get; set; } = "";

    private IEnumerable<MessageTemplate> Visible => _templates.Where(t =>
        (_status == All || t.Status == _status)
        && (_category == All || t.Category == _category)
        && (_language == All || t.Language == _language)
        && (string.IsNullOrWhiteSpace(_search)
            || t.Name.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)
            || t.Content.Body.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)
            || (t.Content.Header?.Text?.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)));

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            _templateUpdates = Events.Subscribe<TemplateEvent>(OnTemplateUpdatedAsync);
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _channel = await Templates.GetChannelAsync(ChannelId, _cts.Token);
        _templates = _channel is null ? [] : await Templates.ListAsync(_channel.WabaId, _cts.Token);
        _selected = _selected is null ? null : _templates.FirstOrDefault(t => t.Id == _selected.Id);
        _loaded = true;
    }

    private Task ReloadAsync() => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private Task OnTemplateUpdatedAsync(TemplateEvent change) =>
        _channel is null || change.WabaId != _channel.WabaId ? Task.CompletedTask : ReloadAsync();

    private async Task SyncAsync()
    {
        _syncing = true;
        try
        {
            var result = await Sync.SyncChannelAsync(ChannelId, _cts.Token);
            Snackbar.Add(result.Summary, result.Succeeded ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _syncing = false;
        }
    }

    private async Task DeleteAsync(MessageTemplate template, bool allLanguages)
    {
        var languages = _templates.Where(t => t.Name == template.Name).Select(t => TemplateLanguages.Describe(t.Language)).ToList();
        var what = allLanguages
            ? $"the template \"{template.Name}\" in all {languages.Count} languages ({string.Join(", ", languages)})"
            : $"the {TemplateLanguages.Describe(template.Language)} version of \"{template.Name}\"";
        var confirmed = await Dialogs.ConfirmAsync(
            "Delete template",
            $"Delete {what}? Meta deletes it for good: it can't be sent any more, and the name can't be used again for 30 days.",
            "Delete",
            Color.Error);
        if (!confirmed)
        {
            return;
        }

        var result = await Templates.DeleteAsync(ChannelId, template.Id, allLanguages, _cts.Token);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Message!, Severity.Error);
            return;
        }

        Snackbar.Add(allLanguages ? $"\"{template.Name}\" was deleted in every language." : $"\"{template.Name}\" ({template.Language}) was deleted.", Severity.Success);
        await LoadAsync();
    }

    private int LanguagesOf(string name) => _templates.Count(t => t.Name == name);

    private static bool IsEditable(MessageTemplate template) => template.Status is "APPROVED" or "REJECTED" or "PAUSED";

    private static string StatusLabel(string status) => status switch
    {
        "APPROVED" => "Approved",
        "PENDING" => "Pending review",
        "REJECTED" => "Rejected",
        "PAUSED" => "Paused",
        _ => "Disabled",
    };

    private static string CategoryLabel(string category) => category switch
    {
        "MARKETING" => "Marketing",
        "UTILITY" => "Utility",
        "AUTHENTICATION" => "Authentication",
        _ => category,
    };

    public async ValueTask DisposeAsync()
    {
        _templateUpdates?.Dispose();
        await _cts.CancelAsync();
        _cts.Dispose();
    }
}
