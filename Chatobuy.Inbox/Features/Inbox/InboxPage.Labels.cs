using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Labels;
using MudBlazor;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>The inbox's labels: the filter's choices and the header's menu, kept current as Admins change them.</summary>
public sealed partial class InboxPage
{
    private IReadOnlyList<LabelTag> _labels = [];

    private async Task LoadLabelsAsync()
    {
        _labels = await Labels.ListAsync(_cts.Token);
        if (_filter.LabelId is { } filtered && _labels.All(l => l.Id != filtered))
        {
            // The label the list was narrowed to was deleted.
            _filter = _filter with { LabelId = null };
        }
    }

    /// <summary>Reads the labels again when an Admin changes them (renames show in the list through its own events).</summary>
    private IDisposable WatchLabels() =>
        Events.Subscribe<LabelsChanged>(_ => InvokeAsync(async () =>
        {
            var filtered = _filter.LabelId;
            await LoadLabelsAsync();
            if (filtered != _filter.LabelId)
            {
                await LoadListAsync();
            }

            StateHasChanged();
        }));

    private Task AddLabelAsync(LabelTag label) => ChangeAsync(id => Labels.AddAsync(id, label.Id, _cts.Token));

    private Task RemoveLabelAsync(LabelTag label) => ChangeAsync(id => Labels.RemoveAsync(id, label.Id, _cts.Token));
}
