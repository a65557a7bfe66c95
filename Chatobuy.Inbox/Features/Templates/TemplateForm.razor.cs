using Chatobuy.Inbox.CloudApi;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Chatobuy.Inbox.Features.Templates;

public sealed partial class TemplateForm
{
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private bool _showErrors;

    [Inject]
    private TemplateDraftValidator Validator { get; set; } = default!;

    /// <summary>The template being written; the form edits its properties.</summary>
    [Parameter, EditorRequired]
    public TemplateDraft Draft { get; set; } = default!;

    /// <summary>Editing an existing template: name, language and variable style stay as they are.</summary>
    [Parameter]
    public bool IsEdit { get; set; }

    /// <summary>Submitting or uploading: the buttons wait.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Whether image, video and document headers can be offered (they need an example file upload).</summary>
    [Parameter]
    public bool MediaHeaders { get; set; } = true;

    /// <summary>Meta's refusal of the last submission, explained.</summary>
    [Parameter]
    public GraphError? Refusal { get; set; }

    /// <summary>The name of the uploaded example file of a media header.</summary>
    [Parameter]
    public string? HeaderFileName { get; set; }

    /// <summary>Why the example file could not be uploaded.</summary>
    [Parameter]
    public string? HeaderUploadError { get; set; }

    /// <summary>Raised with the draft once it passes every rule.</summary>
    [Parameter]
    public EventCallback<TemplateDraft> OnSubmit { get; set; }

    /// <summary>Raised with the chosen example file of a media header; the page uploads it and sets the draft's handle.</summary>
    [Parameter]
    public EventCallback<IBrowserFile> OnHeaderFile { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    private string CategoryHint => Draft.Category switch
    {
        "MARKETING" => "Marketing: offers, news and invitations. Customers can opt out of these.",
        "UTILITY" => "Utility: about an order, account or request the customer already made. No promotion.",
        _ => "Authentication: one-time passcodes, with a copy-code button.",
    };

    private string BodyHint => Draft.IsNamed
        ? "Up to 1,024 characters. Variables: {{first_name}} (lowercase letters and underscores). *bold*, _italic_, ~strike~."
        : "Up to 1,024 characters. Variables: {{1}}, {{2}}, … in order. *bold*, _italic_, ~strike~.";

    private bool Has(string field) => _showErrors && _errors.ContainsKey(field);

    private string? Of(string field) => _showErrors ? _errors.GetValueOrDefault(field) : null;

    private void Changed()
    {
        if (_showErrors)
        {
            _errors = Validator.ErrorsOf(Draft);
        }
    }

    private void SetCategory(string category)
    {
        Draft.Category = category;
        Changed();
    }

    private void SetNamed(bool named)
    {
        Draft.ParameterFormat = named ? TemplateContent.Named : TemplateContent.Positional;
        Changed();
    }

    private void SetHeaderKind(TemplateHeaderKind kind)
    {
        if (kind != Draft.HeaderKind)
        {
            Draft.HeaderHandle = null;
        }

        Draft.HeaderKind = kind;
        Changed();
    }

    private void SetExample(string variable, string? value)
    {
        Draft.BodyExamples[variable] = value ?? "";
        Changed();
    }

    /// <summary>Appends the next variable to the body: {{n}}, or {{variable_n}} with named variables.</summary>
    private void AddVariable()
    {
        var next = Draft.IsNamed
            ? $"variable_{new string((char)('a' + Math.Min(25, Draft.BodyVariables.Count)), 1)}"
            : (Draft.BodyVariables.Select(v => int.TryParse(v, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Draft.Body = Draft.Body.TrimEnd() + (Draft.Body.Length == 0 ? "" : " ") + "{{" + next + "}}";
        Changed();
    }

    private void AddButton(TemplateButtonKind kind)
    {
        Draft.Buttons.Add(new TemplateButtonDraft { Kind = kind });
        Changed();
    }

    private void RemoveButton(int index)
    {
        Draft.Buttons.RemoveAt(index);
        Changed();
    }

    private async Task ChooseHeaderFileAsync(IBrowserFile? file)
    {
        if (file is not null)
        {
            await OnHeaderFile.InvokeAsync(file);
            Changed();
        }
    }

    private async Task SubmitAsync()
    {
        _showErrors = true;
        _errors = Validator.ErrorsOf(Draft);
        if (_errors.Count == 0)
        {
            await OnSubmit.InvokeAsync(Draft);
        }
    }

    private static string KindLabel(TemplateButtonKind kind) => kind switch
    {
        TemplateButtonKind.Url => "Visit website",
        TemplateButtonKind.PhoneNumber => "Call phone number",
        TemplateButtonKind.CopyCode => "Copy offer code",
        _ => "Quick reply",
    };

    private static string AcceptFor(TemplateHeaderKind kind) => kind switch
    {
        TemplateHeaderKind.Image => ".jpg,.jpeg,.png",
        TemplateHeaderKind.Video => ".mp4",
        _ => ".pdf",
    };

    private static string AcceptHint(TemplateHeaderKind kind) => kind switch
    {
        TemplateHeaderKind.Image => "A JPEG or PNG image.",
        TemplateHeaderKind.Video => "An MP4 video.",
        _ => "A PDF document.",
    };
}
