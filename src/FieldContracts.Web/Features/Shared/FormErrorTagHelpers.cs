using System.Net;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FieldContracts.Web.Features.Shared;

/// <summary>
/// A form's errors, the same way on every page. The errors are the page's <c>ModelState</c>, keyed by the name of the
/// field they concern (<c>Input.Email</c>, or a request path such as <c>insurers[0].name</c>); an error about the whole
/// form has the empty key. Three pieces:
/// <list type="bullet">
/// <item><c>&lt;error-summary /&gt;</c> at the top of the form: "There is a problem", each error as a link to its
/// field, named by the field's label. The label is the property's <c>[Display(Name = …)]</c>, or the word given with
/// <c>labels</c> (a dictionary from key to label, for keys that are not properties), never the internal key.</item>
/// <item><c>&lt;field-error for="Input.Email" /&gt;</c> next to the field: the error text, with the id the field
/// points to.</item>
/// <item><c>error-for="Input.Email"</c> on the input, select or textarea (inputs with <c>asp-for</c> get it by
/// themselves): marks the field <c>aria-invalid="true"</c> and points its <c>aria-describedby</c> at the error text.</item>
/// </list>
/// A field's id is its key with dots and brackets turned into underscores, as <c>asp-for</c> makes it; a field named
/// otherwise gives its key's id explicitly so the summary's link lands on it.
/// </summary>
public static class FormErrors
{
    public static string FieldId(string key) => TagBuilder.CreateSanitizedId(key, "_");

    /// <summary>
    /// Puts a use case's errors (by request path, as the API answers them in problem details) on the page's
    /// <c>ModelState</c>, so the form shows them as every form does. <c>$</c> and the empty key are errors about
    /// the whole form; <paramref name="prefix"/> names the page's fields when they are bound under one (<c>Input</c>).
    /// </summary>
    public static void Add(ModelStateDictionary state, IReadOnlyDictionary<string, string[]> errors, string? prefix = null)
    {
        foreach (var (key, messages) in errors)
        {
            var field = key is "" or "$" ? "" : prefix is null ? key : $"{prefix}.{key}";
            foreach (var message in messages)
            {
                state.AddModelError(field, message);
            }
        }
    }

    public static string ErrorId(string key) => FieldId(key) + "-error";

    public static IReadOnlyList<string> Of(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "This value is not valid." : e.ErrorMessage).ToList()
            : [];

    /// <summary>The label of the field at <paramref name="key"/>: a <c>[Display]</c> name on the page model's properties, or null.</summary>
    public static string? DisplayName(ViewContext context, string key)
    {
        var provider = context.HttpContext.RequestServices.GetService(typeof(IModelMetadataProvider)) as IModelMetadataProvider;
        var model = context.ViewData.Model;
        if (provider is null || model is null)
        {
            return null;
        }

        var metadata = provider.GetMetadataForType(model.GetType());
        foreach (var part in key.Split('.'))
        {
            var name = part.Split('[')[0];
            var property = metadata.Properties.FirstOrDefault(p => string.Equals(p.PropertyName, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            // A list's element carries the properties of the row ("Lines[2].Note").
            metadata = part.Contains('[', StringComparison.Ordinal) && property.ElementMetadata is { } element ? element : property;
        }

        return metadata.DisplayName;
    }
}

/// <summary>The list of a form's errors, each a link to its field; nothing when the form has none. See <see cref="FormErrors"/>.</summary>
/// <remarks>A <c>div asp-validation-summary</c> is shown the same way (and writes no inline style when empty).</remarks>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    // After the framework's validation summary, whose output this replaces.
    public override int Order => 1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Labels for keys that are not properties of the page model (request paths), by key.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; set; }

    /// <summary>
    /// On a page of several forms, the name its fields are bound under (<c>Source</c>): the summary of that form lists
    /// only the errors of those fields (<c>Source</c>, <c>Source.Url</c>, <c>Source.Areas[0]</c>), so an error shows at
    /// the form that was posted. Null: every error.
    /// </summary>
    public string? Only { get; set; }

    private string SummaryId => Only is null ? "error-summary" : $"error-summary-{FormErrors.FieldId(Only)}";

    private bool Concerns(string key) =>
        Only is null || key == Only
        || (key.Length > Only.Length && key.StartsWith(Only, StringComparison.Ordinal) && key[Only.Length] is '.' or '[');

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ModelState;
        output.TagName = null;
        output.Attributes.Clear();
        var keys = state.Where(e => e.Value is { Errors.Count: > 0 } && Concerns(e.Key)).Select(e => e.Key).ToList();
        if (keys.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = new System.Text.StringBuilder();
        foreach (var key in keys)
        {
            var label = Labels?.GetValueOrDefault(key) ?? FormErrors.DisplayName(ViewContext, key);
            foreach (var message in FormErrors.Of(state, key))
            {
                var text = WebUtility.HtmlEncode(label is null ? message : $"{label}: {message}");
                // An error about the whole form (or the whole of the fields a summary shows) has no field to go to.
                items.Append(key.Length == 0 || key == Only
                    ? $"<li>{text}</li>"
                    : $"<li><a href=\"#{WebUtility.HtmlEncode(FormErrors.FieldId(key))}\">{text}</a></li>");
            }
        }

        output.Content.SetHtmlContent(
            $"<div class=\"error-summary validation-summary-errors\" role=\"alert\" tabindex=\"-1\" id=\"{SummaryId}\" data-testid=\"error-summary\">" +
            "<h2>There is a problem</h2><ul>" + items + "</ul></div>");
    }
}

/// <summary>The error text next to a field, with the id its field points to; nothing when the field has no error.</summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The key of the field (its name).</summary>
    public string For { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var messages = FormErrors.Of(ViewContext.ModelState, For);
        if (messages.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", FormErrors.ErrorId(For));
        output.Attributes.SetAttribute("class", "field-error field-validation-error");
        output.Content.SetContent(string.Join(" ", messages));
    }
}

/// <summary>Gives the framework's <c>span asp-validation-for</c> the id its field points to.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class ValidationMessageIdTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("asp-validation-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; } = null!;

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var key = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (FormErrors.Of(ViewContext.ModelState, key).Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.Attributes.SetAttribute("id", FormErrors.ErrorId(key));
        output.Attributes.SetAttribute("class", "field-error field-validation-error");
    }
}

/// <summary>Marks a field that has an error: aria-invalid, and aria-describedby pointing at its error text.</summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("input", Attributes = "error-for")]
[HtmlTargetElement("select", Attributes = "error-for")]
[HtmlTargetElement("textarea", Attributes = "error-for")]
public sealed class InvalidFieldTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("asp-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression? AspFor { get; set; }

    /// <summary>The key of the field, for a field without <c>asp-for</c>.</summary>
    [HtmlAttributeName("error-for")]
    public string? ErrorFor { get; set; }

    // After the framework's input tag helpers, which write the name and id.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var key = ErrorFor ?? (AspFor is null ? null : ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(AspFor.Name));
        if (key is null || FormErrors.Of(ViewContext.ModelState, key).Count == 0)
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} " : "";
        output.Attributes.SetAttribute("aria-describedby", describedBy + FormErrors.ErrorId(key));
        if (!output.Attributes.ContainsName("id"))
        {
            output.Attributes.SetAttribute("id", FormErrors.FieldId(key));
        }
    }
}
