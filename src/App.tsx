/** The application shell: header, and the view named by the location hash. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>ConvScope</h1>
        <p className="tagline">See how a convolutional network computes every number.</p>
      </header>
      <main id="main">
        <p>The views are being built.</p>
      </main>
    </div>
  );
}
