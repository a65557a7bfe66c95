using Chatobuy.Inbox.Components.Shared;
using MudBlazor;

namespace Chatobuy.Inbox.Features.Channels;

public sealed partial class ConnectChannelPage : IDisposable
{
    private readonly ConnectChannelModel _model = new();
    private readonly Func<object, string, Task<IEnumerable<string>>> _validate = new ConnectChannelValidator().ForMudForm();
    private readonly CancellationTokenSource _cts = new();
    private MudForm? _form;
    private int _step;
    private bool _busy;
    private bool _showToken;
    private string? _fetchError;
    private string? _finishError;
    private IReadOnlyList<AccountOption> _accounts = [];
    private string? _selectedPhoneId;
    private Channel? _channel;
    private string _publicBaseUrl = "";

    protected override void OnInitialized()
    {
        _model.GraphVersion = Targets.DefaultVersion;
        _model.Target = Targets.SandboxAvailable ? GraphTarget.Sandbox : GraphTarget.Meta;
        _publicBaseUrl = Targets.PublicBaseUrl(Navigation.BaseUri);
    }

    private async Task FetchNumbersAsync()
    {
        _fetchError = null;
        await _form!.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Setup.FetchNumbersAsync(_model, _cts.Token);
            if (result.Error is not null)
            {
                _fetchError = result.Error;
                return;
            }

            _accounts = result.Accounts;
            // Nothing is picked for the admin: with several numbers a silent choice is easily missed.
            var free = _accounts.SelectMany(a => a.Numbers).Where(n => n.ConnectedToChannel is null).ToList();
            _selectedPhoneId = free.Count == 1 && _accounts.Sum(a => a.Numbers.Count) == 1 ? free[0].PhoneNumberId : null;
            _finishError = null;
            _step = 1;
        }
        finally
        {
            _busy = false;
        }
    }

    private void SelectNumber(string? phoneNumberId)
    {
        _selectedPhoneId = phoneNumberId;
        _finishError = null;
    }

    private async Task FinishAsync()
    {
        var account = _accounts.FirstOrDefault(a => a.Numbers.Any(n => n.PhoneNumberId == _selectedPhoneId));
        var number = account?.Numbers.First(n => n.PhoneNumberId == _selectedPhoneId);
        if (account is null || number is null)
        {
            _finishError = "Pick a phone number first.";
            return;
        }

        _busy = true;
        try
        {
            var result = await Setup.FinishAsync(_model, account, number, _publicBaseUrl, _cts.Token);
            if (result.Error is not null)
            {
                _finishError = result.Error;
                return;
            }

            _channel = result.Channel;
            _step = 2;
        }
        finally
        {
            _busy = false;
        }
    }

    internal static string Humanize(string value) =>
        value.Replace('_', ' ').ToLowerInvariant() switch
        {
            var s when s.Length > 0 => char.ToUpperInvariant(s[0]) + s[1..],
            var s => s,
        };

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
