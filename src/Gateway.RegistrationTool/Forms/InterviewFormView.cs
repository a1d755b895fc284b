using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;
using Gateway.RegistrationTool.Pages;

namespace Gateway.RegistrationTool.Forms;

/// <summary>The registration form's fields as a page shows them: the input, its errors, and whose rules apply.</summary>
/// <param name="Page">The page, with the words and the field errors.</param>
/// <param name="Input">What is filled in.</param>
/// <param name="Responsible">The kind of the responsible authority, whose column of § 2 stk. 2 says what is mandatory.</param>
/// <param name="Correcting">Whether an existing registration is corrected: the CPR number cannot change then.</param>
public sealed record InterviewFormView(ToolPage Page, InterviewInput Input, AuthorityKind Responsible, bool Correcting)
{
    /// <summary>Whether <paramref name="item"/> is mandatory, voluntary or optional for the responsible authority, in words.</summary>
    public string RequirementOf(RegistrationItem item) => ItemRequirements.For(item, Responsible) switch
    {
        Requirement.Mandatory => Page.Text["Mandatory"],
        Requirement.Voluntary => Page.Text["Voluntary"],
        _ => Page.Text["Optional"],
    };

    /// <summary>Whether <paramref name="item"/> must be filled in.</summary>
    public bool IsMandatory(RegistrationItem item) => ItemRequirements.For(item, Responsible) == Requirement.Mandatory;

    /// <summary>The case types the responsible authority registers.</summary>
    public IEnumerable<CaseType> CaseTypes => ItemRequirements.CaseTypesFor(Responsible).Order();
}
