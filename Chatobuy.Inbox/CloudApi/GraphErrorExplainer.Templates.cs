namespace Chatobuy.Inbox.CloudApi;

public static partial class GraphErrorExplainer
{
    /// <summary>Template creation subcodes (reference §5.2, code 100 unless noted).</summary>
    public const int TemplateCharacterLimit = 2388040;
    public const int TemplateFormat = 2388047;
    public const int TemplateFooterFormat = 2388073;
    public const int TemplateParameterRatio = 2388293;
    public const int TemplateLeadingOrTrailingParameter = 2388299;
    public const int TemplateCountLimit = 2388019;
    public const int TemplateAlreadyExists = 2388024;
    public const int TemplateCannotBeSubmitted = 2388109;

    /// <summary>What a refusal of a template call means and what to do; null when it is not template-specific.</summary>
    private static (string Explanation, string Next)? ForTemplates(int code, int? subcode, GraphOperation operation)
    {
        if (operation is not (GraphOperation.ListTemplates or GraphOperation.CreateTemplate or GraphOperation.EditTemplate or GraphOperation.DeleteTemplate))
        {
            return null;
        }

        return (code, subcode, operation) switch
        {
            (100, TemplateCharacterLimit, _) => (
                "A text of the template is longer than WhatsApp allows.",
                "Keep the header and footer to 60 characters, the body to 1,024 and each button to 25, then submit again."),
            (100, TemplateFormat, _) => (
                "The header or body is not in a format WhatsApp accepts (for example a variable written wrongly, more than one header variable, or a tab or more than four spaces in a row).",
                "Write variables as {{1}}, {{2}}, … in order, use at most one in the header, remove tabs and long runs of spaces, then submit again."),
            (100, TemplateFooterFormat, _) => (
                "The footer is not accepted: it may not hold variables, emojis or formatting, and is at most 60 characters.",
                "Make the footer plain text without variables, then submit again."),
            (100, TemplateParameterRatio, _) => (
                "The body has too many variables for its length.",
                "Add more fixed words around the variables, or use fewer variables, then submit again."),
            (100, TemplateLeadingOrTrailingParameter, _) => (
                "The body starts or ends with a variable, which WhatsApp does not allow.",
                "Put some fixed text before the first variable and after the last one, then submit again."),
            (100, TemplateCountLimit, _) => (
                "This WhatsApp Business Account has reached its limit of message templates.",
                "Delete templates you no longer use, then submit again."),
            (100, TemplateAlreadyExists, _) => (
                "A template with that name and language already exists.",
                "Pick another name, or edit the existing template instead."),
            (200002, _, _) or (_, TemplateCannotBeSubmitted, _) => (
                "Meta would not accept this template for review.",
                "Check it against WhatsApp's template guidelines (no misleading or abusive content, the right category), change it and submit again."),
            (100, _, GraphOperation.EditTemplate) => (
                "Meta refused the change to this template. Only approved, rejected or paused templates can be edited, and name and language never change.",
                "Check the template's status; to change name or language, create a new template."),
            (100, _, GraphOperation.DeleteTemplate) => (
                "Meta did not find that template to delete (it may be gone already).",
                "Sync the templates to see what Meta still has."),
            (100, _, GraphOperation.CreateTemplate) => (
                "Meta refused a value of the template.",
                "Check the name (lowercase letters, digits and underscores), the category, the texts and an example for every variable, then submit again."),
            (100, _, GraphOperation.ListTemplates) => (
                "That WhatsApp Business Account was not found, or this token cannot see its templates.",
                "Check that the system user has the WhatsApp account assigned as an asset with whatsapp_business_management."),
            (10 or (>= 200 and <= 299), _, _) => (
                "The access token is missing the whatsapp_business_management permission needed for templates.",
                "In Meta Business Settings → System Users, generate a token with whatsapp_business_management for this WhatsApp account."),
            _ => null,
        };
    }
}
