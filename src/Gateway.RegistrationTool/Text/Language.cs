namespace Gateway.RegistrationTool.Text;

/// <summary>The tool's two languages: Danish, which it speaks unless asked otherwise, and English.</summary>
public enum Language
{
    Danish,
    English,
}
