using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Chatobuy.Inbox.Components.Shared;

public static class DialogServiceExtensions
{
    /// <summary>Asks a yes/no question; true when the user confirmed.</summary>
    public static async Task<bool> ConfirmAsync(
        this IDialogService dialogs,
        string title,
        string message,
        string confirmText,
        Color confirmColor = Color.Primary,
        RenderFragment? details = null)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, confirmColor },
            { d => d.Details, details },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
