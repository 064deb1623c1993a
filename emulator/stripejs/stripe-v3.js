/*
 * The emulator's stand-in for https://js.stripe.com/v3: defines window.Stripe so that
 * @stripe/stripe-js's loadStripe() reuses it. It implements what Tatami uses: Embedded Checkout
 * (createEmbeddedCheckoutPage / initEmbeddedCheckout) and the 3-D Secure modal of
 * confirmCardPayment / handleCardAction / handleNextAction. Card entry itself happens in the
 * emulator's own pages inside iframes, as with Stripe.
 */
(function () {
  "use strict";
  if (window.Stripe && window.Stripe.isTatamiEmulator) return;

  var script = document.currentScript;
  var ORIGIN = script && script.src ? new URL(script.src).origin : window.location.origin;
  // The pages the emulator hands out (3-D Secure, the end of a Checkout) come from its public URL,
  // which may name another host than this script's (like hooks.stripe.com next to js.stripe.com).
  // Filled in by the emulator when it serves this file.
  var PUBLIC_ORIGIN = __EMULATOR_PUBLIC_ORIGIN__;
  var MESSAGE_PREFIX = "tatami-emulator:";
  var activeEmbeddedCheckout = null;

  function integrationError(message) {
    var error = new Error(message);
    error.name = "IntegrationError";
    return error;
  }

  /** Client secrets are `<object id>_secret_<random>`, as Stripe's are. */
  function idFromClientSecret(secret) {
    var at = typeof secret === "string" ? secret.indexOf("_secret_") : -1;
    return at > 0 ? secret.slice(0, at) : null;
  }

  function resolveContainer(location) {
    var element = typeof location === "string" ? document.querySelector(location) : location;
    if (!element || typeof element.appendChild !== "function") {
      throw integrationError("The selector you specified (" + String(location) + ") applies to no DOM elements that are currently on the page.");
    }
    return element;
  }

  function fromEmulator(event, frame) {
    var origin = event.origin === ORIGIN || event.origin === PUBLIC_ORIGIN;
    return origin && frame && event.source === frame.contentWindow && event.data && typeof event.data.type === "string";
  }

  function EmbeddedCheckout(clientSecret, options) {
    var sessionId = idFromClientSecret(clientSecret);
    var frame = null;
    var destroyed = false;

    function onMessage(event) {
      if (!fromEmulator(event, frame)) return;
      var data = event.data;
      if (data.type === MESSAGE_PREFIX + "resize" && typeof data.height === "number") {
        frame.style.height = Math.ceil(data.height) + "px";
      } else if (data.type === MESSAGE_PREFIX + "checkout-complete" && data.sessionId === sessionId) {
        if (typeof options.onComplete === "function") options.onComplete();
        // Without onComplete, Stripe sends the whole page to the session's return_url.
        else if (typeof data.returnUrl === "string") window.location.assign(data.returnUrl);
      }
    }
    window.addEventListener("message", onMessage);

    function checkAlive() {
      if (destroyed) throw integrationError("This Embedded Checkout instance has been destroyed. Create a new one to mount it again.");
    }

    this.mount = function (location) {
      checkAlive();
      if (frame && frame.isConnected) throw integrationError("Embedded Checkout is already mounted.");
      var container = resolveContainer(location);
      frame = document.createElement("iframe");
      frame.src = ORIGIN + "/c/pay/" + encodeURIComponent(sessionId) + "?embedded=1";
      frame.title = "Secure checkout";
      frame.name = "embedded-checkout";
      frame.setAttribute("allow", "payment *");
      frame.style.cssText = "display:block;width:100%;height:640px;border:0;background:transparent;color-scheme:light";
      container.appendChild(frame);
    };
    this.unmount = function () {
      checkAlive();
      if (frame && frame.parentNode) frame.parentNode.removeChild(frame);
    };
    this.destroy = function () {
      if (destroyed) return;
      if (frame && frame.parentNode) frame.parentNode.removeChild(frame);
      frame = null;
      destroyed = true;
      window.removeEventListener("message", onMessage);
      if (activeEmbeddedCheckout === this) activeEmbeddedCheckout = null;
    };
  }

  function createEmbeddedCheckoutPage(options) {
    options = options || {};
    if (activeEmbeddedCheckout) {
      return Promise.reject(integrationError("You cannot have multiple Embedded Checkout objects."));
    }
    var hasSecret = typeof options.clientSecret === "string";
    var hasFetcher = typeof options.fetchClientSecret === "function";
    if (hasSecret === hasFetcher) {
      return Promise.reject(integrationError("initEmbeddedCheckout requires exactly one of `clientSecret` or `fetchClientSecret`."));
    }
    var placeholder = {};
    activeEmbeddedCheckout = placeholder;
    return Promise.resolve(hasSecret ? options.clientSecret : options.fetchClientSecret()).then(
      function (clientSecret) {
        if (!idFromClientSecret(clientSecret) || clientSecret.indexOf("cs_") !== 0) {
          activeEmbeddedCheckout = null;
          throw integrationError("Invalid client secret: expected the client_secret of a Checkout Session created with ui_mode=embedded.");
        }
        var checkout = new EmbeddedCheckout(clientSecret, options);
        activeEmbeddedCheckout = checkout;
        return checkout;
      },
      function (error) {
        activeEmbeddedCheckout = null;
        throw error;
      },
    );
  }

  /**
   * Opens the emulator's authentication page for a PaymentIntent or SetupIntent in a modal iframe,
   * as Stripe.js does for 3-D Secure, and resolves with `{ paymentIntent | setupIntent }` or
   * `{ error }` once the page reports the outcome.
   */
  function authenticate(publishableKey, clientSecret, paymentMethod) {
    var intentId = idFromClientSecret(clientSecret);
    if (!intentId) return Promise.reject(integrationError("Invalid value for clientSecret: it should be the client_secret of a PaymentIntent or SetupIntent."));
    return new Promise(function (resolve) {
      var overlay = document.createElement("div");
      overlay.setAttribute("data-tatami-emulator", "authentication");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;justify-content:center;background:rgba(16,24,40,.55)";
      var frame = document.createElement("iframe");
      var query = "?key=" + encodeURIComponent(publishableKey) + "&client_secret=" + encodeURIComponent(clientSecret);
      if (paymentMethod) query += "&payment_method=" + encodeURIComponent(paymentMethod);
      frame.src = ORIGIN + "/v3/authenticate" + query;
      frame.title = "3D Secure authentication";
      frame.style.cssText = "width:min(480px,94vw);height:min(560px,90vh);border:0;border-radius:12px;background:#fff;box-shadow:0 20px 50px rgba(0,0,0,.3)";
      overlay.appendChild(frame);

      function onMessage(event) {
        if (!fromEmulator(event, frame) || event.data.type !== MESSAGE_PREFIX + "intent-result") return;
        if (event.data.intentId !== intentId || !event.data.result) return;
        window.removeEventListener("message", onMessage);
        if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
        resolve(event.data.result);
      }
      window.addEventListener("message", onMessage);
      document.body.appendChild(overlay);
    });
  }

  function paymentMethodId(data) {
    if (!data || data.payment_method === undefined) return null;
    if (typeof data.payment_method === "string") return data.payment_method;
    throw integrationError("The emulator's Stripe.js accepts only an existing PaymentMethod id as `payment_method`; card details are entered in Checkout.");
  }

  function Stripe(publishableKey, _options) {
    if (typeof publishableKey !== "string") {
      throw integrationError("Invalid value for Stripe(): apiKey should be a string. You specified: " + typeof publishableKey + ".");
    }
    if (/^(sk|rk)_/.test(publishableKey)) {
      throw integrationError("You should not use your secret key with Stripe.js. Please pass a publishable key instead.");
    }
    if (!/^pk_(test|live)_/.test(publishableKey)) {
      throw integrationError("Invalid value for Stripe(): apiKey should be a publishable key (pk_test_… or pk_live_…).");
    }
    return {
      createEmbeddedCheckoutPage: createEmbeddedCheckoutPage,
      initEmbeddedCheckout: createEmbeddedCheckoutPage,
      confirmCardPayment: function (clientSecret, data) {
        return authenticate(publishableKey, clientSecret, paymentMethodId(data));
      },
      confirmCardSetup: function (clientSecret, data) {
        return authenticate(publishableKey, clientSecret, paymentMethodId(data));
      },
      handleCardAction: function (clientSecret) {
        return authenticate(publishableKey, clientSecret, null);
      },
      handleNextAction: function (options) {
        return authenticate(publishableKey, options && options.clientSecret, null);
      },
    };
  }
  // @stripe/stripe-js compares this with its release train and warns on a mismatch.
  Stripe.version = "endive";
  Stripe.isTatamiEmulator = true;
  window.Stripe = Stripe;
})();
