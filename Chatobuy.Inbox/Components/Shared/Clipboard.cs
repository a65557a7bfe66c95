using Microsoft.JSInterop;
using MudBlazor;

namespace Chatobuy.Inbox.Components.Shared;

/// <summary>Copies text to the user's clipboard and says so with a toast.</summary>
public sealed class Clipboard(IJSRuntime js, ISnackbar snackbar)
{
    public async Task CopyAsync(string value, string label)
    {
        bool copied;
        try
        {
            copied = await js.InvokeAsync<bool>("chatobuy.copyText", value);
        }
        catch (JSException)
        {
            copied = false;
        }

        if (copied)
        {
            snackbar.Add($"{label} copied to the clipboard.", Severity.Success);
        }
        else
        {
            snackbar.Add($"The browser did not allow copying. Select the {label} and copy it by hand.", Severity.Warning);
        }
    }
}
