using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using Gateway.Contracts.Types;

namespace Gateway.Contracts;

/// <summary>
/// Adds the CallContext header to every call a WCF client makes. <paramref name="contextForCall"/> is asked once per
/// call, so it can give each call its own <see cref="CallContext.CallId"/> and case worker:
/// <code>factory.Endpoint.EndpointBehaviors.Add(new CallContextBehavior(() => new CallContext { … CallId = Guid.NewGuid().ToString() }));</code>
/// </summary>
public sealed class CallContextBehavior(Func<CallContext> contextForCall) : IEndpointBehavior, IClientMessageInspector
{
    /// <inheritdoc />
    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
    }

    /// <inheritdoc />
    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) =>
        clientRuntime.ClientMessageInspectors.Add(this);

    /// <inheritdoc />
    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
    {
    }

    /// <inheritdoc />
    public void Validate(ServiceEndpoint endpoint)
    {
    }

    /// <inheritdoc />
    public object? BeforeSendRequest(ref Message request, System.ServiceModel.IClientChannel channel)
    {
        request.Headers.Add(new CallContextHeader(contextForCall()));
        return null;
    }

    /// <inheritdoc />
    public void AfterReceiveReply(ref Message reply, object correlationState)
    {
    }
}
