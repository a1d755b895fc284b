using Gateway.Domain.Registrations;
using Gateway.RegistrationTool.Pages;

namespace Gateway.RegistrationTool.Forms;

/// <summary>One stored version's items as a page shows them.</summary>
public sealed record InterviewView(ToolPage Page, Interview Interview);
